// The analyzer's Web Worker: the page's app.wasm, started here, where its
// main sees no document and serves the page's requests (app/ui/worker.go
// says the protocol) instead of drawing the UI. The page starts it with
// {type: "init", exec, wasm, packs}: the URLs of wasm_exec.js and app.wasm, which
// the browser has already (HTTP or service-worker cache), so the worker
// costs a second compile and its own memory, no second download.
"use strict";

let queue = [];
let started = false;

self.annotatorStarted = () => {
	started = true;
	const early = queue;
	queue = null;
	for (const m of early) self.annotatorReceive(m);
};

// memory answers the size of this worker's WebAssembly memory in bytes.
let instance = null;
self.annotatorMemory = () => (instance ? instance.exports.mem.buffer.byteLength : 0);

const fail = (message) => self.postMessage({ type: "failed", message: String(message) });

self.onmessage = (e) => {
	const m = e.data;
	if (m && m.type === "init") {
		if (instance === null && !started) start(m).catch(fail);
		return;
	}
	if (!started) {
		queue.push(m);
		return;
	}
	self.annotatorReceive(m);
};

async function start(m) {
	// The language packs' addresses (app/ui/worker.go fetches them itself).
	self.annotatorPacks = typeof m.packs === "string" ? m.packs : "";
	importScripts(m.exec);
	const go = new Go();
	const response = fetch(m.wasm);
	let result;
	try {
		result = await WebAssembly.instantiateStreaming(response, go.importObject);
	} catch (err) {
		// A server that sends app.wasm without its MIME type: compile the bytes.
		const bytes = await (await fetch(m.wasm)).arrayBuffer();
		result = await WebAssembly.instantiate(bytes, go.importObject);
	}
	instance = result.instance;
	await go.run(instance);
	self.postMessage({ type: "exited" });
}
