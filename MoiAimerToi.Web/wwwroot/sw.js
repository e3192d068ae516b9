"use strict";
// Keeps the pages and photos already seen readable offline. It never answers writes, the API, htmx fragments
// or the sign-in pages; it never keeps a response the site marked private or no-store (every page rendered for
// a signed-in person is), and it forgets the pages and photos at sign-out.
// The site's files have their content's fingerprint in their name and are sent "immutable": those are answered
// from the cache; any other file is asked for first, so an old file never meets a new page.

// Bump when these rules change: activation deletes the caches of every other version.
const VERSION = 3;
const PREFIX = "moi-aimer-toi-";
const PAGES = `${PREFIX}pages-v${VERSION}`;
const PHOTOS = `${PREFIX}photos-v${VERSION}`;
const FILES = `${PREFIX}files-v${VERSION}`;
// At most this many of each, the least recently stored going first.
const LIMITS = { [PAGES]: 40, [PHOTOS]: 300, [FILES]: 80 };
const OFFLINE_PAGE = "/offline.html";
// The offline page and what it links, by their plain names (it is a static file, not fingerprinted).
const PRECACHED = [OFFLINE_PAGE, "/css/site.css", "/favicon.svg"];
const FILE_FOLDERS = ["/css/", "/js/", "/lib/", "/icons/"];
const PRIVATE_PAGES = ["/login", "/logout", "/setup"];

self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(FILES).then((cache) => cache.addAll(PRECACHED)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        const names = await caches.keys();
        await Promise.all(names.filter((name) => name.startsWith(PREFIX) && !(name in LIMITS)).map((name) => caches.delete(name)));
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
        // Not answered, only noticed: nothing seen while signed in outlives the session.
        event.waitUntil(Promise.all([caches.delete(PAGES), caches.delete(PHOTOS)]));
        return;
    }

    if (request.method !== "GET" || request.headers.has("HX-Request") || isPrivate(url)) {
        return;
    }

    if (request.mode === "navigate") {
        event.respondWith(pageFromNetwork(event, url));
    } else if (isPhoto(url)) {
        event.respondWith(fromCacheFirst(event, url, PHOTOS));
    } else if (isFile(url)) {
        event.respondWith(fromCacheFirst(event, url, FILES));
    }
});

// The page that installed the worker, and its files, loaded before the worker could see them. The files come
// from the browser's own cache (fingerprinted files are kept there for a year); the page is asked for again.
self.addEventListener("message", (event) => {
    const { page, assets } = event.data ?? {};
    const keeping = [];
    const pageUrl = sameOrigin(page);
    if (pageUrl && isKeptPage(pageUrl)) {
        keeping.push(fetchAndKeep(pageUrl, PAGES, "no-cache"));
    }

    for (const address of Array.isArray(assets) ? assets : []) {
        const url = sameOrigin(address);
        if (url && (isFile(url) || isPhoto(url))) {
            keeping.push(fetchAndKeep(url, isPhoto(url) ? PHOTOS : FILES, "force-cache"));
        }
    }

    event.waitUntil(Promise.allSettled(keeping));
});

async function pageFromNetwork(event, url) {
    try {
        const response = await fetch(event.request);
        if (isKeptPage(url)) {
            event.waitUntil(keep(PAGES, url, response.clone()));
        }
        return response;
    } catch (offline) {
        return (await caches.match(url.href, { ignoreVary: true, cacheName: PAGES }))
            ?? (await caches.match(OFFLINE_PAGE))
            ?? Promise.reject(offline);
    }
}

async function fromCacheFirst(event, url, cacheName) {
    const cached = await caches.match(url.href, { ignoreVary: true, cacheName });
    if (cached && neverChanges(cached)) {
        return cached;
    }

    try {
        const response = await fetch(event.request);
        event.waitUntil(keep(cacheName, url, response.clone()));
        return response;
    } catch (offline) {
        // Offline, a file whose name does not say its version is better than none (the offline page's stylesheet).
        return cached ?? Promise.reject(offline);
    }
}

async function fetchAndKeep(url, cacheName, cacheMode) {
    const response = await fetch(url.href, { credentials: "same-origin", cache: cacheMode });
    await keep(cacheName, url, response);
}

/** Stores a copy the site allows to be kept, then lets the oldest go past the limit; a full quota empties room. */
async function keep(cacheName, url, response) {
    if (!mayKeep(response)) {
        return;
    }

    const cache = await caches.open(cacheName);
    try {
        await cache.put(url.href, response.clone());
    } catch (error) {
        if (error?.name !== "QuotaExceededError") {
            throw error;
        }
        // The device is short of room: give up the older half of the pages and photos, try once more, then let it be.
        await Promise.all([PAGES, PHOTOS].map((name) => trim(name, Math.floor(LIMITS[name] / 2))));
        try {
            await cache.put(url.href, response);
        } catch {
            return;
        }
    }
    await trim(cacheName, LIMITS[cacheName]);
}

async function trim(cacheName, limit) {
    const cache = await caches.open(cacheName);
    // Keys come back in the order they were stored; storing an address again moves it to the end.
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((key) => cache.delete(key)));
}

function mayKeep(response) {
    const control = (response.headers.get("Cache-Control") ?? "").toLowerCase();
    return response.status === 200 && response.type === "basic" && !response.redirected
        && !control.includes("no-store") && !control.includes("private");
}

function neverChanges(response) {
    return (response.headers.get("Cache-Control") ?? "").toLowerCase().includes("immutable");
}

function isPrivate(url) {
    const path = url.pathname.toLowerCase();
    // A share link's page and files are left to the network, so that revoking it stops them at once.
    return path.startsWith("/api/") || path === "/api" || path.startsWith("/s/") || PRIVATE_PAGES.includes(path.replace(/\/$/, ""));
}

function isKeptPage(url) {
    // ?handler= addresses are the no-JavaScript edit forms, not something to read offline.
    return !isPrivate(url) && !isFile(url) && !isPhoto(url) && !url.searchParams.has("handler");
}

function isPhoto(url) {
    const path = url.pathname.toLowerCase();
    // A video is left to the network: it comes in ranges as it plays, and would crowd out hundreds of photos.
    return path.startsWith("/uploads/") && !path.endsWith(".mp4");
}

function isFile(url) {
    const path = url.pathname.toLowerCase();
    return FILE_FOLDERS.some((folder) => path.startsWith(folder)) || /^\/favicon\.[\w.]*svg$/.test(path) || path === OFFLINE_PAGE;
}

function sameOrigin(address) {
    try {
        const url = new URL(address, self.location.origin);
        return url.origin === self.location.origin ? url : null;
    } catch {
        return null;
    }
}
