/* Annotator embed: shows the annotator's compact view in an iframe and
   annotates texts through it, for a CMS preview pane.

     <div id="annotator"></div>
     <script src="https://annotator.example.com/web/embed.js"></script>
     <script>
       const annotator = AnnotatorEmbed.mount(document.getElementById("annotator"));
       annotator.annotate("Kim Jong-un met Xi Jinping in Beijing.")
         .then((doc) => console.log(doc.entities));
       annotator.highlight(document.getElementById("article"));
     </script>

   The page's origin must be on the annotator's allowlist (the server's
   -embed-origins flag, or the bundle's): the frame answers no one else. The
   text goes to the frame with postMessage and is annotated there, in the
   browser; nothing is sent over the network.

   mount(container, {lang, timeout, view, title}) returns {iframe, ready,
   annotate(text, {lang}), highlight(element, {lang}), destroy()}. The
   container may sit in a same-origin frame of this page (a CMS preview
   pane): the annotator's frame is made in the container's document and
   heard from there.
   - view: "text" (default) shows the annotated text in the frame; "status"
     only a status line, for a page that highlights its own elements.
   - ready resolves when the frame first says it listens, and rejects if it
     has not within timeout milliseconds (default 30000) of mount.
   - annotate resolves to the annotator's JSON document (see README) and
     rejects with the frame's error message, or when the frame is not ready
     within timeout milliseconds of the call (a frame that gets ready later
     still answers later calls).
   - highlight(element) annotates the element's rendered text (see textOf)
     and wraps each mention in <mark class="annotator-mark" data-label
     data-entity data-mention>, one per text node a mention crosses (a name
     half in <strong> gets two, with data-part first and last); it removes the marks of an earlier call
     first and resolves to the document. It only moves the page's own text
     nodes into marks: no HTML is parsed or injected. One highlight runs at
     a time: a call replaces the one still waiting (that one rejects with
     an AbortError), so a page may call it on every keystroke. It rejects
     with an AbortError too when the element's text changed while it was
     annotated.

   AnnotatorEmbed.textOf(element), .mark(element, doc) and .unmark(element)
   are highlight's parts, for a page that annotates by other means. */
(function () {
  "use strict";
  var script = document.currentScript;
  var frameBase = script && script.src ? new URL("../embed.html", script.src) : null;

  // Elements whose text is not rendered, and elements that start a new
  // line: textOf puts a line break between blocks where the markup has no
  // white space, so that "<p>Paris.</p><p>Rome</p>" reads as two sentences.
  var unrendered = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1 };
  var blocks = {
    ADDRESS: 1, ARTICLE: 1, ASIDE: 1, BLOCKQUOTE: 1, BR: 1, DD: 1, DETAILS: 1, DIV: 1, DL: 1, DT: 1,
    FIELDSET: 1, FIGCAPTION: 1, FIGURE: 1, FOOTER: 1, FORM: 1, H1: 1, H2: 1, H3: 1, H4: 1, H5: 1,
    H6: 1, HEADER: 1, HR: 1, LI: 1, MAIN: 1, NAV: 1, OL: 1, P: 1, PRE: 1, SECTION: 1, SUMMARY: 1,
    TABLE: 1, TD: 1, TH: 1, TR: 1, UL: 1,
  };
  var markClass = "annotator-mark";

  // textOf returns the text highlight annotates: the element's text nodes
  // in document order (its textContent, script and style left out), with
  // "\n" between blocks that nothing separates; and where each text node
  // sits in it, in UTF-16 code units.
  function textOf(element) {
    var parts = [];
    var segments = []; // {node, start, end}
    var length = 0;
    var last = ""; // the last character so far
    var boundary = false; // a block began or ended since the last text
    function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          var data = child.data;
          if (data.length === 0) {
            continue;
          }
          if (boundary && length > 0 && !/\s/.test(last) && !/^\s/.test(data)) {
            parts.push("\n");
            length++;
          }
          boundary = false;
          segments.push({ node: child, start: length, end: length + data.length });
          parts.push(data);
          length += data.length;
          last = data.charAt(data.length - 1);
        } else if (child.nodeType === 1 && !unrendered[child.nodeName.toUpperCase()]) {
          var block = blocks[child.nodeName.toUpperCase()] === 1;
          boundary = boundary || block;
          walk(child);
          boundary = boundary || block;
        }
      }
    }
    walk(element);
    return { text: parts.join(""), segments: segments };
  }

  // unmark removes the marks mark made inside element, putting their text
  // back as it was (adjacent text nodes merged).
  function unmark(element) {
    var marks = element.querySelectorAll("mark." + markClass);
    var parents = [];
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      var parent = m.parentNode;
      while (m.firstChild) {
        parent.insertBefore(m.firstChild, m);
      }
      parent.removeChild(m);
      if (parents.indexOf(parent) < 0) {
        parents.push(parent);
      }
    }
    for (var j = 0; j < parents.length; j++) {
      parents[j].normalize();
    }
    return marks.length;
  }

  var labelNames = {
    PER: "person", ORG: "organisation", LOC: "place", MISC: "other name", DATE: "date",
    TIME: "time", NUM: "number", MONEY: "money", PERCENT: "percentage",
  };

  // mark wraps the mentions of doc, the annotator's document for
  // textOf(element).text, in <mark>s, and returns how many marks it made.
  // Mentions that overlap an earlier one, and pieces of a mention that are
  // only white space (between two list items, say), are left out.
  function mark(element, doc) {
    var source = textOf(element);
    var mentions = [];
    var entities = (doc && doc.entities) || [];
    for (var i = 0; i < entities.length; i++) {
      var e = entities[i];
      var ms = e.mentions || [];
      for (var j = 0; j < ms.length; j++) {
        var s = ms[j].u16_start, t = ms[j].u16_end;
        if (typeof s === "number" && typeof t === "number" && s < t && t <= source.text.length) {
          mentions.push({ start: s, end: t, entity: e, mention: ms[j] });
        }
      }
    }
    mentions.sort(function (a, b) { return a.start - b.start || b.end - a.end; });

    // The pieces to wrap, per text node.
    var pieces = new Map(); // node → [{from, to, m, n}]
    var segs = source.segments;
    var k = 0, end = 0, n = 0;
    for (var mi = 0; mi < mentions.length; mi++) {
      var m = mentions[mi];
      if (m.start < end) {
        continue; // overlaps the previous mention
      }
      end = m.end;
      n++;
      while (k < segs.length && segs[k].end <= m.start) {
        k++;
      }
      var own = [];
      for (var q = k; q < segs.length && segs[q].start < m.end; q++) {
        var seg = segs[q];
        var from = Math.max(m.start, seg.start) - seg.start;
        var to = Math.min(m.end, seg.end) - seg.start;
        if (/\S/.test(seg.node.data.slice(from, to))) {
          own.push({ node: seg.node, from: from, to: to, m: m, n: n, part: "" });
        }
      }
      for (var o = 0; o < own.length; o++) {
        if (own.length > 1) {
          own[o].part = o === 0 ? "first" : o === own.length - 1 ? "last" : "middle";
        }
        if (!pieces.has(own[o].node)) {
          pieces.set(own[o].node, []);
        }
        pieces.get(own[o].node).push(own[o]);
      }
    }

    var made = 0;
    var ownerDoc = element.ownerDocument;
    pieces.forEach(function (list, node) {
      // From the last piece back, so that splitting keeps the earlier
      // offsets of node valid.
      for (var p = list.length - 1; p >= 0; p--) {
        var piece = list[p];
        if (piece.to < node.data.length) {
          node.splitText(piece.to);
        }
        var inner = piece.from > 0 ? node.splitText(piece.from) : node;
        var el = ownerDoc.createElement("mark");
        el.className = markClass;
        el.dataset.label = piece.m.entity.label;
        el.dataset.entity = piece.m.entity.id;
        el.dataset.mention = String(piece.n);
        if (piece.part) {
          el.dataset.part = piece.part; // one of several pieces of the mention
        }
        var title = piece.m.entity.name + " (" + (labelNames[piece.m.entity.label] || piece.m.entity.label) + ")";
        if (typeof piece.m.mention.value === "string") {
          title += ": " + piece.m.mention.value;
        }
        el.title = title;
        inner.parentNode.insertBefore(el, inner);
        el.appendChild(inner);
        made++;
      }
    });
    return made;
  }

  function abortError(message) {
    try {
      return new DOMException(message, "AbortError");
    } catch (e) {
      var err = new Error(message);
      err.name = "AbortError";
      return err;
    }
  }

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
    var statusOnly = options.view === "status";
    if (statusOnly) {
      url.searchParams.set("view", "status");
    }
    var timeout = options.timeout === undefined ? 30000 : options.timeout;

    // The frame's parent is the window of the container's document: this
    // one, or a same-origin frame of it such as a CMS's preview pane. Ready
    // and resize come from the frame to that window, answers to this one
    // (the window that sent the request).
    var hostDocument = container.ownerDocument || document;
    var hostWindow = hostDocument.defaultView || window;
    var windows = hostWindow === window ? [window] : [window, hostWindow];

    var iframe = hostDocument.createElement("iframe");
    iframe.src = url.href;
    iframe.title = options.title || (statusOnly ? "Annotator status" : "Annotated text");
    iframe.className = "annotator-embed";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.height = statusOnly ? "48px" : "120px";

    var pending = new Map(); // id → {message, resolve, reject}
    var nextID = 0;
    var isReady = false;
    var destroyed = false;
    var readyWaiters = []; // {resolve, timer}
    var markReady;
    var ready = new Promise(function (resolve, reject) {
      markReady = resolve;
      if (timeout > 0) {
        setTimeout(function () {
          if (!isReady) {
            reject(notReady());
          }
        }, timeout);
      }
    });
    ready.catch(function () {}); // reported through annotate

    function notReady() {
      return new Error("AnnotatorEmbed: the annotator did not answer from " + frameOrigin +
        " within " + timeout + " ms; is " + window.location.origin + " on its embed allowlist?");
    }

    // whenReady resolves once the frame is ready, or rejects if it is not
    // within timeout of now.
    function whenReady() {
      if (destroyed) {
        return Promise.reject(new Error("AnnotatorEmbed: destroyed"));
      }
      if (isReady) {
        return Promise.resolve();
      }
      return new Promise(function (resolve, reject) {
        var w = { resolve: resolve, reject: reject, timer: 0 };
        if (timeout > 0) {
          w.timer = setTimeout(function () {
            readyWaiters.splice(readyWaiters.indexOf(w), 1);
            reject(notReady());
          }, timeout);
        }
        readyWaiters.push(w);
      });
    }

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
          readyWaiters.splice(0).forEach(function (w) {
            clearTimeout(w.timer);
            w.resolve();
          });
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
    windows.forEach(function (w) { w.addEventListener("message", onMessage); });
    container.appendChild(iframe);

    function annotate(text, opts) {
      if (typeof text !== "string") {
        return Promise.reject(new TypeError("AnnotatorEmbed.annotate: want the text as a string"));
      }
      var lang = (opts && opts.lang) || options.lang;
      return whenReady().then(function () {
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
    }

    // highlight's queue: the call being annotated, and the one waiting.
    var running = null, waiting = null;

    function highlight(element, opts) {
      if (!element || element.nodeType !== 1) {
        return Promise.reject(new TypeError("AnnotatorEmbed.highlight: want an element"));
      }
      return new Promise(function (resolve, reject) {
        if (waiting) {
          waiting.reject(abortError("AnnotatorEmbed.highlight: replaced by a later call"));
        }
        waiting = { element: element, opts: opts, resolve: resolve, reject: reject };
        nextHighlight();
      });
    }

    function nextHighlight() {
      if (running || !waiting) {
        return;
      }
      var job = running = waiting;
      waiting = null;
      unmark(job.element);
      var text = textOf(job.element).text;
      annotate(text, job.opts).then(function (doc) {
        running = null;
        if (textOf(job.element).text !== text) {
          job.reject(abortError("AnnotatorEmbed.highlight: the element's text changed while it was annotated"));
        } else {
          unmark(job.element); // marks another caller made meanwhile
          mark(job.element, doc);
          job.resolve(doc);
        }
        nextHighlight();
      }, function (err) {
        running = null;
        job.reject(err);
        nextHighlight();
      });
    }

    return {
      iframe: iframe,
      ready: ready,
      annotate: annotate,
      highlight: highlight,
      destroy: function () {
        destroyed = true;
        windows.forEach(function (w) {
          try {
            w.removeEventListener("message", onMessage);
          } catch (e) {
            // a preview frame that is gone
          }
        });
        var gone = new Error("AnnotatorEmbed: destroyed");
        pending.forEach(function (p) { p.reject(gone); });
        pending.clear();
        readyWaiters.splice(0).forEach(function (w) {
          clearTimeout(w.timer);
          w.reject(gone);
        });
        if (waiting) {
          waiting.reject(gone);
          waiting = null;
        }
        iframe.remove();
      },
    };
  }

  window.AnnotatorEmbed = { mount: mount, textOf: textOf, mark: mark, unmark: unmark };
})();
