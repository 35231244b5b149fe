/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the whole build so the app opens and works offline after one visit. A new version
 * installs in the background and WAITS: it activates only when the page, after the user accepted
 * the update prompt, sends SKIP_WAITING. Only the very first install activates at once.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `podium-${version}`;
// With ssr = false, the SPA shell '/' is in none of the lists: add it or offline reloads fail.
const ASSETS = [...new Set([...build, ...files, '/'])];
const ASSET_SET = new Set(ASSETS);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(ASSETS);
      if (!sw.registration.active) await sw.skipWaiting();
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })()
  );
});

sw.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (ASSET_SET.has(url.pathname)) {
        const hit = await cache.match(url.pathname);
        if (hit) return hit;
      }
      if (request.mode === 'navigate') {
        // SPA: every route is the same shell, served from the cache (offline-first).
        const shell = await cache.match('/');
        if (shell) return shell;
      }
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
        return response;
      } catch (error) {
        const hit = await cache.match(request);
        if (hit) return hit;
        throw error;
      }
    })()
  );
});
