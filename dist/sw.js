// web/sw.js - precaches every file of one release under a versioned cache and serves only from it, so a
// page never mixes files of two releases. A new release waits until the page says reload; old caches are
// deleted when it activates. The build fills in VERSION and ASSETS.
const VERSION = 'f639a57f075e';
const ASSETS = ["./","app.js","core.js","embed-host.js","examples/fryerns.txt","examples/tusc-local-elections-2024.txt","icons/icon-192.png","icons/icon-512.png","icons/icon-maskable-512.png","index.html","manifest.webmanifest","pwa.js","render.js","style.css","ward-calculator.js","wardshare-core.js","wardshare.wasm","worker.js"];
const CACHE = `wardshare-${VERSION}`;

self.addEventListener('install', (event) => {
  // `reload` bypasses the HTTP cache: every file comes from the server as this release has it
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'reload' })))));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'activate') self.skipWaiting();
  if (event.data?.type === 'version') event.source?.postMessage({ type: 'version', version: VERSION });
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('wardshare-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    let hit = await cache.match(request, { ignoreSearch: true });
    if (!hit && request.mode === 'navigate') hit = await cache.match(new URL('index.html', self.registration.scope));
    return hit ?? fetch(request);
  })());
});
