// intake.js turns pasted or opened HTML into an article's plain text:
// AnnotatorIntake.fromHTML(html) returns {text, title, kind, blocks}.
//
// The HTML is parsed by the browser's DOMParser into a document with no
// browsing context: its scripts never run, its images and styles never
// load, and nothing of it enters the page. A whole page (one with a title,
// or site navigation around the text) goes through Mozilla's Readability
// (web/vendor/readability), which finds the article and drops the rest; a
// fragment (a selection copied from an article) is read as it is. Either
// way a walk of the remaining elements writes the text: a blank line
// between paragraphs and headings, a line break per list item and <br>,
// white space collapsed as a browser shows it, and what is never article
// text dropped on the way (scripts, styles, forms' controls, share and
// follow buttons, hidden and screen-reader-only text, picture credits).
(function () {
  "use strict";

  // Elements that start and end a block of text.
  const BLOCKS = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG",
    "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5",
    "H6", "HEADER", "HGROUP", "HR", "LEGEND", "LI", "MAIN", "MENU", "NAV", "OL", "P", "PRE", "SECTION",
    "SUMMARY", "TABLE", "TBODY", "TFOOT", "THEAD", "TR", "UL",
  ]);
  // Blocks that a single line break separates, not a blank line.
  const LINES = new Set(["LI", "DT", "DD", "TR", "CAPTION"]);
  // Never article text, dropped with all they hold.
  const DROPPED = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "META", "LINK", "BASE", "IFRAME", "FRAME",
    "OBJECT", "EMBED", "APPLET", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "PICTURE", "IMG", "SOURCE",
    "TRACK", "MAP", "BUTTON", "INPUT", "SELECT", "OPTION", "TEXTAREA", "DATALIST", "OUTPUT", "PROGRESS",
    "METER", "DIALOG",
  ]);
  // Roles of page furniture: whatever carries one is dropped.
  const FURNITURE_ROLES = /^(navigation|menu|menubar|toolbar|search|banner|contentinfo|button|dialog|alertdialog|tablist|complementary)$/;
  // Class or id words of page furniture: share and follow buttons,
  // newsletter boxes, advertisements, cookie notices, breadcrumbs, related
  // links, comments, text only for screen readers.
  const FURNITURE_NAMES = /(^|[\s_-])(share|sharing|shares|social|socials|newsletter|subscribe|subscription|signup|breadcrumbs?|cookies?|consent|gdpr|adverts?|advertisement|ads?|ad-slot|sponsored|promo|related|recommended|read-more|more-stories|comments?|toolbar|skip-link|visually-hidden|sr-only|screen-reader-text|print-only)([\s_-]|$)/i;
  // Class or id words of a picture's credit, anywhere, and inside a
  // caption also its source.
  const CREDIT_NAMES = /(^|[\s_-])(credits?|copyright|photographer)([\s_-]|$)/i;
  const CAPTION_CREDIT_NAMES = /(^|[\s_-])(attribution|source|author)([\s_-]|$)/i;
  // A credit written at the end of a caption: "Photograph: A. Name/AP",
  // "Photo by X", "Credit: X", "© X".
  const CREDIT_TEXT = /\s*(?:[([]\s*)?(?:(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|credits?|foto)\s*(?:by\b|:)|©|\(c\)\s).*$/i;

  function furniture(el, inCaption) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
    const role = (el.getAttribute("role") || "").trim().toLowerCase();
    if (FURNITURE_ROLES.test(role)) return true;
    const names = (el.getAttribute("class") || "") + " " + (el.id || "");
    if (FURNITURE_NAMES.test(names) || CREDIT_NAMES.test(names)) return true;
    if (inCaption && CAPTION_CREDIT_NAMES.test(names)) return true;
    const style = (el.getAttribute("style") || "").replace(/\s+/g, "").toLowerCase();
    return style.includes("display:none") || style.includes("visibility:hidden");
  }

  // isPage tells a whole page from a fragment: a page has a title, or site
  // navigation, a banner or a footer around the text.
  function isPage(doc) {
    if (doc.title && doc.title.trim() !== "") return true;
    return !!doc.querySelector('nav, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], body > header, body > footer');
  }

  // Text is written into lines; breaks between blocks are held back until
  // text follows, so that none lead, trail or pile up.
  function Writer() {
    this.parts = [];
    this.pending = 0; // 0 none, 1 a line break, 2 a blank line
    this.space = false;
    this.blocks = 0;
  }
  Writer.prototype.brk = function (n) {
    if (this.parts.length > 0) this.pending = Math.max(this.pending, n);
    this.space = false;
  };
  Writer.prototype.flush = function () {
    if (this.pending > 0) {
      this.parts.push(this.pending === 2 ? "\n\n" : "\n");
      this.pending = 0;
      this.blocks++;
    }
  };
  Writer.prototype.words = function (s) {
    s = s.replace(/[ \t\n\r\f\u00a0]+/g, " ");
    if (s === "") return;
    if (s === " ") {
      this.space = this.parts.length > 0;
      return;
    }
    const lead = s[0] === " ";
    const trail = s[s.length - 1] === " ";
    s = s.trim();
    if (this.pending > 0) {
      this.flush();
    } else if ((this.space || lead) && this.parts.length > 0) {
      this.parts.push(" ");
    }
    this.parts.push(s);
    this.space = trail;
  };
  Writer.prototype.verbatim = function (s) {
    if (s === "") return;
    this.flush();
    this.parts.push(s);
    this.space = false;
  };
  Writer.prototype.text = function () {
    return this.parts.join("").replace(/[ \t]+\n/g, "\n");
  };

  function walk(node, w, inCaption) {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        w.words(n.nodeValue);
        continue;
      }
      if (n.nodeType !== 1) continue; // comments, processing instructions
      const tag = n.tagName.toUpperCase();
      if (DROPPED.has(tag) || furniture(n, inCaption)) continue;
      if (tag === "BR") {
        w.brk(1);
        continue;
      }
      if (tag === "PRE") {
        w.brk(2);
        w.verbatim(n.textContent.replace(/^\n/, "").replace(/\s+$/, ""));
        w.brk(2);
        continue;
      }
      if (tag === "TD" || tag === "TH") {
        if (n.previousElementSibling) w.words(" "); // cells of a row, a space apart
        walk(n, w, inCaption);
        continue;
      }
      if (tag === "FIGCAPTION" || (n.getAttribute("class") || "").match(/(^|[\s_-])caption([\s_-]|$)/i)) {
        w.brk(2);
        const sub = new Writer();
        walk(n, sub, true);
        const caption = sub.text().replace(CREDIT_TEXT, "").trim();
        if (caption !== "") w.words(caption);
        w.brk(2);
        continue;
      }
      const block = BLOCKS.has(tag);
      if (block) w.brk(LINES.has(tag) ? 1 : 2);
      walk(n, w, inCaption);
      if (block) w.brk(LINES.has(tag) ? 1 : 2);
    }
  }

  function textOf(root) {
    const w = new Writer();
    walk(root, w, false);
    return w.text().trim();
  }

  // Elements whose content is never text and which only a page's code,
  // styles or loads would use.
  const INERT = "script, style, link, noscript, template, iframe, frame, object, embed, base";

  // Chromium checks the page's Content Security Policy on a parsed
  // document's inline scripts, styles and handlers as it parses, and
  // reports each as a violation (nothing runs): prefilter drops them from
  // the markup first, keeping an inline style's "hidden" as the hidden
  // attribute. parse still defuses what the parser makes of the rest.
  function prefilter(html) {
    return html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (m, v) =>
        /display\s*:\s*none|visibility\s*:\s*hidden/i.test(v) ? " hidden" : "")
      .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
  }

  // parse reads html into a document with no browsing context (nothing
  // in it runs or loads), then defuses it before anything else reads it:
  // no element of code or style, no event handler, no style attribute (an
  // inline style that hides an element becomes the hidden attribute, which
  // the walk and Readability both honour).
  function parse(html) {
    const doc = new DOMParser().parseFromString(prefilter(html), "text/html");
    for (const el of doc.querySelectorAll(INERT)) el.remove();
    for (const el of doc.querySelectorAll("*")) {
      for (const name of el.getAttributeNames()) {
        const lower = name.toLowerCase();
        if (lower === "style") {
          const style = el.getAttribute(name).replace(/\s+/g, "").toLowerCase();
          if (style.includes("display:none") || style.includes("visibility:hidden")) el.setAttribute("hidden", "");
          el.removeAttribute(name);
        } else if (lower.startsWith("on")) {
          el.removeAttribute(name);
        }
      }
    }
    return doc;
  }

  // fromHTML returns the article text of an HTML page or fragment:
  // {text, title, kind: "page" | "fragment", byline}. A page's title (and
  // byline, when Readability finds one) head the text.
  function fromHTML(html) {
    const doc = parse(String(html));
    if (isPage(doc) && typeof Readability === "function") {
      let article = null;
      try {
        // Readability changes the document it reads: give it its own. It keeps
        // the classes, which tell the walk what is furniture.
        article = new Readability(parse(String(html)), { serializer: (el) => el, keepClasses: true }).parse();
      } catch (e) {
        article = null;
      }
      const body = article && article.content ? textOf(article.content) : "";
      if (body !== "") {
        const title = (article.title || "").trim().replace(/\s+/g, " ");
        const byline = (article.byline || "").trim().replace(/\s+/g, " ");
        let head = "";
        if (title !== "" && !body.startsWith(title)) head += title + "\n\n";
        if (byline !== "" && !body.includes(byline)) head += byline + "\n\n";
        return { text: head + body, title: title, byline: byline, kind: "page" };
      }
    }
    const title = (doc.title || "").trim();
    const body = textOf(doc.body || doc.documentElement);
    const text = title !== "" && body !== "" && !body.startsWith(title) ? title + "\n\n" + body : body;
    return { text: text, title: title, byline: "", kind: isPage(doc) ? "page" : "fragment" };
  }

  window.AnnotatorIntake = Object.freeze({ fromHTML: fromHTML });
})();
