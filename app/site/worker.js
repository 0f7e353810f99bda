// The annotator's service worker, a go-app ServiceWorkerTemplate
// (Handler.ServiceWorkerTemplate). Like go-app's own, it caches every file
// of one version on install and answers from that cache first; unlike it,
// it also works under a sub-path (/annotator/), answers navigations to a
// page whatever its query (/embed.html?origin=...) or spelling (/embed,
// /index.html), takes control of the page that installed it, and leaves
// other caches and other origins alone.
const cacheName = "app-" + "{{.Version}}";
const scope = self.registration.scope; // ends with a slash: http://host/annotator/

// canonical turns a path of go-app's list into the URL the cache keys:
// go-app names the root of a sub-path site "/annotator", served as
// "/annotator/".
const canonical = (path) => {
  const url = new URL(path, scope).href;
  return url + "/" === scope ? scope : url;
};
const resourcesToCache = {{.ResourcesToCache}}.map(canonical);

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(
    caches
      .open(cacheName)
      // Revalidate with the server: the HTTP cache may hold the last version.
      .then((cache) => cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "no-cache" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("app-") && key !== cacheName).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
  console.log("app worker {{.Version}} is activated");
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) {
    return;
  }
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(cacheName);
  const navigation = request.mode === "navigate";
  let response = await cache.match(request, { ignoreSearch: navigation, ignoreVary: true });
  if (!response && navigation) {
    response = await cache.match(pageURL(request.url), { ignoreVary: true });
  }
  if (!response && isPack(request.url)) {
    return fetchPack(request);
  }
  return response || fetch(request);
}

// Language packs other than English's are fetched when a language is first
// needed, then kept, by their hashed names, in a cache of their own that
// outlives versions: the app works offline in every language once used.
const packsCache = "annotator-packs";
const isPack = (url) => new URL(url).pathname.startsWith(new URL("web/packs/", scope).pathname);

async function fetchPack(request) {
  const cache = await caches.open(packsCache);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) {
    return kept;
  }
  // Not through the HTTP cache: this cache is the one copy a pack keeps,
  // and a pack deleted from it is fetched again.
  const response = await fetch(new Request(request, { cache: "no-store" }));
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}

// pageURL is the cached URL of the page a navigation asks for by another
// name: the site root for /annotator/index.html, /embed.html for /embed.
function pageURL(url) {
  const u = new URL(url);
  let path = u.origin + u.pathname;
  if (path === scope + "index.html" || path + "/" === scope) {
    return scope;
  }
  if (path.endsWith("/")) {
    path = path.slice(0, -1);
  }
  return path.endsWith(".html") ? path : path + ".html";
}
