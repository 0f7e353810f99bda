/* Annotator preview for Decap CMS: the entry's body in the preview pane
   with the annotator's marks (people, organisations, places, dates,
   numbers) and a compact summary of its entities and quotes, updated as
   the editor types. The text is annotated in the browser, by the
   annotator's frame (embed.js): it never leaves the device.

   In the CMS's admin/index.html, after decap-cms.js (which defines CMS, h
   and createClass):

     <script src="https://annotator.example.com/web/embed.js"></script>
     <script src="https://annotator.example.com/web/integrations/decap/annotator-preview.js"></script>
     <script>
       CMS.registerPreviewStyle("https://annotator.example.com/web/integrations/decap/annotator-preview.css");
       CMS.registerPreviewTemplate("articles", AnnotatorDecap.preview({ field: "body" }));
     </script>

   The CMS's origin must be on the annotator's embed allowlist
   (-embed-origins, or EMBED_ORIGINS for make dist); otherwise the pane
   shows the text unmarked and a notice saying so.

   AnnotatorDecap.preview(options) returns the preview template, a React
   class; options:
   - field: the field to annotate (default "body"), rendered by its widget
     (Markdown becomes HTML; the marks follow the rendered text);
   - title: a field shown and annotated above it as the headline (default
     "title"; "" for none);
   - lang: the text's language ("en", "es", "fr", "ru", "sv", "no", "hu");
   - delay: milliseconds without a change before annotating (default 300);
   - timeout: milliseconds to wait for the annotator before the notice
     (default 10000; it is still used if it answers later). */
(function () {
  "use strict";

  var named = ["PER", "ORG", "LOC", "MISC"];
  var groupNames = {
    PER: ["person", "people"], ORG: ["organisation", "organisations"], LOC: ["place", "places"],
    MISC: ["other name", "other names"], DATE: ["date", "dates"], TIME: ["time", "times"],
    NUM: ["number", "numbers"], MONEY: ["sum of money", "sums of money"], PERCENT: ["percentage", "percentages"],
  };
  var maxEntities = 12, maxQuotes = 4, quoteChars = 90;

  function count(n, label) {
    var words = groupNames[label] || [label, label];
    return n + " " + words[n === 1 ? 0 : 1];
  }

  // summaryLine says what the document holds: "3 people, 2 places · 1 quote".
  function summaryLine(doc) {
    var byLabel = {};
    doc.entities.forEach(function (e) { byLabel[e.label] = (byLabel[e.label] || 0) + 1; });
    var parts = [];
    Object.keys(groupNames).forEach(function (l) {
      if (byLabel[l]) {
        parts.push(count(byLabel[l], l));
      }
    });
    var line = parts.length ? parts.join(", ") : "No names, dates or numbers found";
    var q = (doc.quotes || []).length;
    return line + " · " + q + (q === 1 ? " quote" : " quotes");
  }

  function shorten(s, n) {
    s = s.replace(/\s+/g, " ").trim();
    return s.length <= n ? s : s.slice(0, n - 1).replace(/\s+\S*$/, "") + "…";
  }

  function preview(options) {
    options = options || {};
    var h = window.h, createClass = window.createClass;
    if (typeof h !== "function" || typeof createClass !== "function") {
      throw new Error("AnnotatorDecap: load decap-cms.js first (it defines h and createClass)");
    }
    if (!window.AnnotatorEmbed) {
      throw new Error("AnnotatorDecap: load the annotator's embed.js first");
    }
    var field = options.field || "body";
    var titleField = options.title === undefined ? "title" : options.title;
    var delay = options.delay === undefined ? 300 : options.delay;
    var timeout = options.timeout === undefined ? 10000 : options.timeout;

    // summary draws the entities and quotes of doc, compactly.
    function summary(doc) {
      var names = {};
      doc.entities.forEach(function (e) { names[e.id] = e.name; });
      var shown = doc.entities.filter(function (e) { return named.indexOf(e.label) >= 0; })
        .sort(function (a, b) { return b.salience - a.salience || b.mentions.length - a.mentions.length; });
      var quotes = doc.quotes || [];
      return h("section", { className: "annotator-summary", "aria-label": "Annotations" },
        h("p", { className: "annotator-summary-line" }, summaryLine(doc)),
        shown.length === 0 ? null : h("ul", { className: "annotator-entities" },
          shown.slice(0, maxEntities).map(function (e) {
            return h("li", { key: e.id, "data-label": e.label, "data-entity": e.id, title: e.name + " (" + groupNames[e.label][0] + ")" },
              h("span", { className: "annotator-chip" }, e.label), " ", e.name,
              h("span", { className: "annotator-count", "aria-label": e.mentions.length + " mentions" }, "×" + e.mentions.length));
          }),
          shown.length > maxEntities ? h("li", { key: "more", className: "annotator-more" }, "and " + (shown.length - maxEntities) + " more") : null),
        quotes.length === 0 ? null : h("ul", { className: "annotator-quotes" },
          quotes.slice(0, maxQuotes).map(function (q, i) {
            var who = q.speaker ? names[q.speaker] : q.speaker_text;
            return h("li", { key: i, "data-speaker": q.speaker || "" },
              h("span", { className: "annotator-speaker" }, who || "Unattributed"), ": ",
              h("q", null, shorten(q.text.replace(/^["“”„«»‘’']+|["“”„«»‘’'.,]+$/g, ""), quoteChars)));
          }),
          quotes.length > maxQuotes ? h("li", { key: "more", className: "annotator-more" }, "and " + (quotes.length - maxQuotes) + " more") : null));
    }

    return createClass({
      getInitialState: function () {
        return { doc: null, state: "waiting", notice: "" };
      },

      componentDidMount: function () {
        this.seq = 0;
        this.annotator = window.AnnotatorEmbed.mount(this.frameBox, {
          view: "status", timeout: timeout, lang: options.lang, title: "Annotator",
        });
        this.schedule(0);
      },

      // Any change of what the widgets rendered, not only of the entry
      // (an image's address resolving, say), is worth a new look.
      componentDidUpdate: function () {
        if (this.source.innerHTML !== this.rendered) {
          this.schedule(delay);
        }
      },

      componentWillUnmount: function () {
        this.gone = true;
        clearTimeout(this.timer);
        this.annotator.destroy();
      },

      schedule: function (ms) {
        var self = this;
        clearTimeout(this.timer);
        this.timer = setTimeout(function () { self.refresh(); }, ms);
      },

      // refresh copies what the widgets rendered (React's, hidden) into a
      // view of our own, where marks may split text nodes without React
      // noticing, and highlights it. The view shows the earlier marked copy
      // until the new one is marked, unless the annotator is not answering.
      refresh: function () {
        var self = this;
        this.rendered = this.source.innerHTML;
        var copy = this.source.cloneNode(true);
        copy.hidden = false;
        copy.className = "annotator-preview-text";
        var seq = ++this.seq;
        if (!/\S/.test(window.AnnotatorEmbed.textOf(copy).text)) {
          this.show(copy);
          this.setState({ doc: null, state: "empty", notice: "" });
          return;
        }
        if (this.state.state !== "done") {
          this.show(copy);
        }
        this.annotator.highlight(copy).then(function (doc) {
          if (self.gone || seq !== self.seq) {
            return;
          }
          self.show(copy);
          self.setState({ doc: doc, state: "done", notice: "" });
        }, function (err) {
          if (self.gone || seq !== self.seq || err.name === "AbortError") {
            return;
          }
          self.show(copy);
          self.setState({ doc: null, state: "error", notice: err.message });
        });
      },

      show: function (copy) {
        if (this.view.firstChild !== copy) {
          this.view.replaceChildren(copy);
        }
      },

      render: function () {
        var self = this;
        var title = titleField ? this.props.entry.getIn(["data", titleField]) : "";
        var status = null;
        if (this.state.state === "error") {
          status = h("p", { className: "annotator-notice", role: "alert" },
            "Not annotated: " + this.state.notice.replace(/^AnnotatorEmbed: /, ""));
        } else if (this.state.state === "empty") {
          status = h("p", { className: "annotator-summary-line" }, "Names, places, dates and quotes are marked here as you write.");
        } else if (!this.state.doc) {
          status = h("p", { className: "annotator-summary-line" }, "Annotating in this browser…");
        }
        return h("div", { className: "annotator-preview", "data-state": this.state.state },
          status,
          this.state.doc ? summary(this.state.doc) : null,
          h("div", { className: "annotator-preview-source", hidden: true, ref: function (el) { self.source = el; } },
            title ? h("h1", null, title) : null,
            this.props.widgetFor(field)),
          h("article", { className: "annotator-preview-view", ref: function (el) { self.view = el; } }),
          h("div", { className: "annotator-preview-frame", ref: function (el) { self.frameBox = el; } }));
      },
    });
  }

  window.AnnotatorDecap = { preview: preview };
})();
