/* Annotator embed: shows the annotator's compact view in an iframe and
   annotates texts through it, for a CMS preview pane.

     <div id="annotator"></div>
     <script src="https://annotator.example.com/web/embed.js"></script>
     <script>
       const annotator = AnnotatorEmbed.mount(document.getElementById("annotator"));
       annotator.annotate("Kim Jong-un met Xi Jinping in Beijing.")
         .then((doc) => console.log(doc.entities));
     </script>

   The page's origin must be on the annotator's allowlist (the server's
   -embed-origins flag, or the bundle's): the frame answers no one else. The
   text goes to the frame with postMessage and is annotated there, in the
   browser; nothing is sent over the network.

   mount(container, {lang, timeout}) returns {iframe, ready, annotate(text,
   {lang}), destroy()}. annotate resolves to the annotator's JSON document
   (see README) and rejects with the frame's error message, or when the frame
   is not ready within timeout milliseconds (default 30000). */
(function () {
  "use strict";
  var script = document.currentScript;
  var frameBase = script && script.src ? new URL("../embed.html", script.src) : null;

  function mount(container, options) {
    options = options || {};
    if (!frameBase) {
      throw new Error("AnnotatorEmbed: load embed.js with a <script src> from the annotator's site");
    }
    if (!container || !container.appendChild) {
      throw new TypeError("AnnotatorEmbed.mount: want an element to put the annotator in");
    }
    var frameOrigin = frameBase.origin;
    var url = new URL(frameBase.href);
    url.searchParams.set("origin", window.location.origin);

    var iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = options.title || "Annotated text";
    iframe.className = "annotator-embed";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.height = "120px";

    var pending = new Map(); // id → {message, resolve, reject}
    var nextID = 0;
    var isReady = false;
    var markReady;
    var ready = new Promise(function (resolve, reject) {
      markReady = resolve;
      var timeout = options.timeout === undefined ? 30000 : options.timeout;
      if (timeout > 0) {
        setTimeout(function () {
          if (!isReady) {
            reject(new Error("AnnotatorEmbed: the annotator did not answer from " + frameOrigin +
              " within " + timeout + " ms; is " + window.location.origin + " on its embed allowlist?"));
          }
        }, timeout);
      }
    });
    ready.catch(function () {}); // reported through annotate

    function post(message) {
      iframe.contentWindow.postMessage(message, frameOrigin);
    }

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== frameOrigin) {
        return;
      }
      var m = event.data;
      if (!m || typeof m !== "object") {
        return;
      }
      switch (m.type) {
        case "ready":
          isReady = true;
          markReady();
          // A frame that reloaded (a new version) lost what it was asked.
          pending.forEach(function (p) { post(p.message); });
          break;
        case "resize":
          if (typeof m.height === "number" && m.height >= 0) {
            iframe.style.height = Math.ceil(m.height) + "px";
          }
          break;
        case "annotated":
        case "error":
          var p = pending.get(m.id);
          if (!p) {
            return;
          }
          pending.delete(m.id);
          if (m.type === "annotated") {
            p.resolve(m.document);
          } else {
            p.reject(new Error(m.message));
          }
          break;
      }
    }
    window.addEventListener("message", onMessage);
    container.appendChild(iframe);

    return {
      iframe: iframe,
      ready: ready,
      annotate: function (text, opts) {
        if (typeof text !== "string") {
          return Promise.reject(new TypeError("AnnotatorEmbed.annotate: want the text as a string"));
        }
        var lang = (opts && opts.lang) || options.lang;
        return ready.then(function () {
          return new Promise(function (resolve, reject) {
            var id = "a" + ++nextID;
            var message = { type: "annotate", id: id, text: text };
            if (lang) {
              message.lang = lang;
            }
            pending.set(id, { message: message, resolve: resolve, reject: reject });
            post(message);
          });
        });
      },
      destroy: function () {
        window.removeEventListener("message", onMessage);
        pending.forEach(function (p) { p.reject(new Error("AnnotatorEmbed: destroyed")); });
        pending.clear();
        iframe.remove();
      },
    };
  }

  window.AnnotatorEmbed = { mount: mount };
})();
