// The dashboard's offline shell. Pages are fetched from the network first and
// kept; when the network is gone the last copy opens, and the figures come
// from the answers the page kept (src/api/offline-cache.ts). Hashed assets
// never change, so they are served from the cache once fetched. The API and
// sign-in are never cached here.
const CACHE = "corridor-shell-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  if (request.mode === "navigate" && !url.pathname.startsWith("/explorer")) {
    event.respondWith(
      fetch(request)
        .then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put("/", response.clone());
          return response;
        })
        .catch(async () => (await (await caches.open(CACHE)).match("/")) ?? Response.error()),
    );
  }
});
