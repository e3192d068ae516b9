"use strict";
// Keeps the pages and photos already seen viewable offline. It never answers writes, the API,
// htmx fragments or the sign-in pages: those always go to the network untouched.

// Bump when these rules change: activation deletes the caches of every other version.
const VERSION = 1;
const PREFIX = "moi-aimer-toi-";
const PAGES = `${PREFIX}pages-v${VERSION}`;
const ASSETS = `${PREFIX}assets-v${VERSION}`;
const OFFLINE_PAGE = "/offline.html";
const PRECACHED = [OFFLINE_PAGE, "/css/site.css", "/favicon.svg"];
const ASSET_FOLDERS = ["/css/", "/js/", "/lib/", "/icons/", "/uploads/", "/_htmx/"];
const PRIVATE_PAGES = ["/login", "/logout", "/setup"];

self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll(PRECACHED)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        const names = await caches.keys();
        await Promise.all(names
            .filter((name) => name.startsWith(PREFIX) && name !== PAGES && name !== ASSETS)
            .map((name) => caches.delete(name)));
        await self.clients.claim();
    })());
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }

    if (request.method === "POST" && url.pathname.toLowerCase() === "/logout") {
        // Not answered, only noticed: copies of pages seen while signed in must not outlive the session.
        event.waitUntil(caches.delete(PAGES));
        return;
    }

    if (request.method !== "GET" || request.headers.has("HX-Request") || isPrivate(url)) {
        return;
    }

    if (request.mode === "navigate") {
        event.respondWith(networkFirst(event, url));
    } else if (isAsset(url)) {
        event.respondWith(cacheFirst(event, url));
    }
});

// The page that installs the worker, and its files, loaded before the worker could see them.
self.addEventListener("message", (event) => {
    const { page, assets } = event.data ?? {};
    const keeping = [];
    const pageUrl = sameOrigin(page);
    if (pageUrl && isKeptPage(pageUrl)) {
        keeping.push(fetchAndKeep(PAGES, pageUrl));
    }

    for (const address of Array.isArray(assets) ? assets : []) {
        const url = sameOrigin(address);
        if (url && isAsset(url)) {
            keeping.push(caches.match(url.href).then((cached) => cached ?? fetchAndKeep(ASSETS, url)));
        }
    }

    event.waitUntil(Promise.allSettled(keeping));
});

async function networkFirst(event, url) {
    try {
        const response = await fetch(event.request);
        if (isKeptPage(url) && isWhole(response)) {
            event.waitUntil(keep(PAGES, url, response.clone()));
        }
        return response;
    } catch (offline) {
        return (await caches.match(url.href, { ignoreVary: true }))
            ?? (await caches.match(OFFLINE_PAGE))
            ?? Promise.reject(offline);
    }
}

async function cacheFirst(event, url) {
    const cached = await caches.match(url.href, { ignoreVary: true });
    if (cached) {
        if (!neverChanges(url)) {
            // Unversioned files (htmx, the offline page's stylesheet) may change on a deploy: refresh them quietly.
            event.waitUntil(fetchAndKeep(ASSETS, url).catch(() => undefined));
        }
        return cached;
    }

    const response = await fetch(event.request);
    if (isWhole(response)) {
        event.waitUntil(keep(ASSETS, url, response.clone()));
    }
    return response;
}

async function fetchAndKeep(cacheName, url) {
    const response = await fetch(url.href, { credentials: "same-origin" });
    if (isWhole(response)) {
        await keep(cacheName, url, response);
    }
}

async function keep(cacheName, url, response) {
    const cache = await caches.open(cacheName);
    if (url.searchParams.has("v")) {
        // A new ?v= means the old copy is dead weight.
        const stale = (await cache.keys()).filter((key) => {
            const old = new URL(key.url);
            return old.pathname === url.pathname && old.searchParams.has("v") && old.search !== url.search;
        });
        await Promise.all(stale.map((key) => cache.delete(key)));
    }
    await cache.put(url.href, response);
}

function isWhole(response) {
    return response.status === 200 && response.type === "basic" && !response.redirected;
}

function isPrivate(url) {
    const path = url.pathname.toLowerCase();
    return path.startsWith("/api/") || path === "/api" || PRIVATE_PAGES.includes(path.replace(/\/$/, ""));
}

function isKeptPage(url) {
    // ?handler= addresses are the no-JavaScript edit forms, not something to read offline.
    return !isPrivate(url) && !isAsset(url) && !url.searchParams.has("handler");
}

function isAsset(url) {
    const path = url.pathname.toLowerCase();
    return ASSET_FOLDERS.some((folder) => path.startsWith(folder)) || path === "/favicon.svg";
}

function neverChanges(url) {
    // Uploads are stored under random names and never rewritten; versioned files change their ?v= instead.
    return url.pathname.toLowerCase().startsWith("/uploads/") || url.searchParams.has("v");
}

function sameOrigin(address) {
    try {
        const url = new URL(address, self.location.origin);
        return url.origin === self.location.origin ? url : null;
    } catch {
        return null;
    }
}
