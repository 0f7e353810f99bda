// early-text.js keeps what the user pastes or types into the pre-rendered
// page before the Go program runs: go-app replaces the pre-rendered DOM
// when it mounts, which would drop the text. Plain JavaScript, loaded by
// every page before the program. The program takes the text once mounted
// (window.annotatorTakeEarlyText, app/ui/early_text.go), puts it in its own
// text box, with the caret where it was, and annotates it.
(() => {
	"use strict";
	let text = null; // null: nothing typed yet
	let caret = null;
	let focused = false;
	const keep = (e) => {
		const t = e.target;
		if (!t || t.id !== "text" || t.tagName !== "TEXTAREA") return;
		text = t.value;
		caret = [t.selectionStart, t.selectionEnd];
		focused = document.activeElement === t;
	};
	document.addEventListener("input", keep, true);
	document.addEventListener("focusin", (e) => {
		if (e.target && e.target.id === "text") focused = true;
	}, true);
	// annotatorTakeEarlyText returns {text, start, end, focused} once, or
	// null when nothing was typed, and stops keeping.
	window.annotatorTakeEarlyText = () => {
		document.removeEventListener("input", keep, true);
		delete window.annotatorTakeEarlyText;
		if (text === null) return null;
		return {text: text, start: caret[0], end: caret[1], focused: focused};
	};
})();
