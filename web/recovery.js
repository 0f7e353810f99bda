// Recovery without Go: "Clear local data" for when the annotator's Go
// program could not start (WebAssembly unavailable, the download failed, a
// crash at start) or has stopped. Plain JavaScript, loaded by every page
// before the program. While the program runs it answers
// window.annotatorAlive() and handles the button itself; otherwise this
// script does: it asks for confirmation in the page, then deletes the
// app's IndexedDB databases and its localStorage and sessionStorage keys,
// as the app's own "Clear local data" does (app/ui/draft_store.go names the
// same databases).
(() => {
	"use strict";
	const databases = ["annotator-drafts", "annotator-library", "annotator-quarantine"];
	const keyPrefix = "annotator.";

	// alive reports whether the Go program answers: a call into a program
	// that has exited throws.
	const alive = () => {
		try {
			return typeof window.annotatorAlive === "function" && window.annotatorAlive() === true;
		} catch (e) {
			return false;
		}
	};

	const removeKeys = (storage) => {
		const keys = [];
		for (let i = 0; i < storage.length; i++) {
			const k = storage.key(i);
			if (k !== null && k.startsWith(keyPrefix)) keys.push(k);
		}
		keys.forEach((k) => storage.removeItem(k));
	};

	// clearAll resolves to what could not be cleared (empty when all was).
	const clearAll = () => {
		const problems = [];
		for (const name of ["localStorage", "sessionStorage"]) {
			try {
				removeKeys(window[name]);
			} catch (e) {
				problems.push(name + ": " + e.message);
			}
		}
		if (!window.indexedDB) return Promise.resolve(problems);
		return Promise.all(databases.map((name) => new Promise((resolve) => {
			let req;
			try {
				req = indexedDB.deleteDatabase(name);
			} catch (e) {
				problems.push(name + ": " + e.message);
				resolve();
				return;
			}
			req.onsuccess = () => resolve();
			req.onerror = () => {
				problems.push(name + ": " + (req.error ? req.error.message : "failed"));
				resolve();
			};
			// Another tab holds it open: it goes once that tab closes.
			req.onblocked = () => {
				problems.push(name + " is open in another tab and will be deleted when that tab closes");
				resolve();
			};
		}))).then(() => problems);
	};

	const button = (id, text, cls) => {
		const b = document.createElement("button");
		b.type = "button";
		b.id = id;
		b.textContent = text;
		if (cls) b.className = cls;
		return b;
	};

	// offer asks for confirmation inside container and clears on yes; the
	// outcome goes to a status line (role status).
	const offer = (container) => {
		let status = container.querySelector(".recovery-status");
		if (!status) {
			status = document.createElement("p");
			status.className = "recovery-status";
			status.setAttribute("role", "status");
			container.appendChild(status);
		}
		let ask = container.querySelector(".recovery-confirm");
		if (ask) return;
		ask = document.createElement("span");
		ask.className = "recovery-confirm confirm";
		ask.setAttribute("role", "group");
		ask.setAttribute("aria-label", "Clear local data?");
		ask.append("Delete the draft and the article library from this device? ");
		const yes = button("recovery-clear-confirm", "Delete", "danger");
		const no = button("recovery-clear-cancel", "Cancel");
		ask.append(yes, " ", no);
		container.insertBefore(ask, status);
		no.addEventListener("click", () => ask.remove());
		yes.addEventListener("click", () => {
			ask.remove();
			status.textContent = "Clearing…";
			clearAll().then((problems) => {
				container.dataset.recovered = problems.length ? "partly" : "cleared";
				status.textContent = problems.length ?
					"Some local data could not be cleared: " + problems.join("; ") + "." :
					"The draft and the article library are deleted from this device. Reload the page to start again.";
			});
		});
	};

	// The page's own button, while no Go program answers it.
	document.addEventListener("click", (e) => {
		const target = e.target instanceof Element ? e.target.closest("#clear-data") : null;
		if (!target || alive()) return;
		e.preventDefault();
		e.stopImmediatePropagation();
		offer(target.closest("#local-data") || target.parentElement);
	}, true);

	// go-app's loader covers the page and stays, showing the error, when
	// the program fails to load (its icon stops spinning): offer the same
	// there, with a reload.
	const watchLoader = () => {
		const loader = document.getElementById("app-wasm-loader");
		if (!loader) return; // loaded, or never shown
		const icon = document.getElementById("app-wasm-loader-icon");
		if (icon && !icon.classList.contains("goapp-spin") && !loader.querySelector(".recovery")) {
			const panel = document.createElement("div");
			panel.className = "recovery";
			panel.id = "recovery";
			const p = document.createElement("p");
			p.textContent = "The annotator could not start in this browser. Your draft and library are kept on this device; you can reload, or delete them.";
			const reload = button("recovery-reload", "Reload");
			reload.addEventListener("click", () => location.reload());
			const clear = button("recovery-clear", "Clear local data", "link");
			clear.addEventListener("click", () => offer(panel));
			panel.append(p, reload, " ", clear);
			loader.appendChild(panel);
		}
		setTimeout(watchLoader, 500);
	};
	if (document.readyState === "loading") {
		document.addEventListener("DOMContentLoaded", watchLoader);
	} else {
		watchLoader();
	}
})();
