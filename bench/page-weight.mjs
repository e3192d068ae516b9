// node page-weight.mjs SITE_URL PATH DPR SEED_TSV: loads PATH once in a fresh headless Chromium
// at 390x844 CSS pixels (a phone; DPR = device pixel ratio) and prints JSON figures of its first
// view: every byte the browser received for it until the network is quiet (counted on the wire by a
// loopback TCP relay, so the service worker's own fetches are in), split by resource type, plus
// which photos it loaded and the original files those photos came from (from SEED_TSV: id, file,
// bytes). Nothing is scrolled: "first view" is what a visitor gets by opening the page.
import net from "node:net";
import fs from "node:fs";
import { chromium } from "playwright-core";

const [site, path, dprArg, seedTsv] = process.argv.slice(2);
const dpr = Number(dprArg ?? 3);
const upstream = new URL(site);

// The relay: the browser talks to it, it talks to the site, and counts the bytes coming back.
let wireBytes = 0;
let lastActivity = Date.now();
const relay = net.createServer((client) => {
    const server = net.connect(Number(upstream.port), upstream.hostname);
    client.on("data", () => { lastActivity = Date.now(); });
    server.on("data", (chunk) => { wireBytes += chunk.length; lastActivity = Date.now(); });
    client.pipe(server);
    server.pipe(client);
    const close = () => { client.destroy(); server.destroy(); };
    client.on("error", close);
    server.on("error", close);
    client.on("close", close);
    server.on("close", close);
});
await new Promise((resolve) => relay.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${relay.address().port}`;

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
    const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: dpr,
        isMobile: true,
        hasTouch: true,
    });
    const page = await context.newPage();
    const resources = [];
    page.on("requestfinished", async (request) => {
        const entry = { url: request.url(), type: request.resourceType() };
        resources.push(entry);
        try {
            const sizes = await request.sizes();
            entry.body = sizes.responseBodySize;
            entry.headers = sizes.responseHeadersSize;
            entry.status = (await request.response())?.status();
        } catch {
            entry.body = 0;
            entry.headers = 0;
        }
    });

    const started = Date.now();
    await page.goto(origin + path, { waitUntil: "load", timeout: 30000 });
    const loadMs = Date.now() - started;
    // Quiet: nothing on the wire for 1.5 s (the service worker installs and fetches after load).
    while (Date.now() - lastActivity < 1500 && Date.now() - started < 30000) {
        await page.waitForTimeout(250);
    }
    await page.waitForTimeout(200);

    const images = await page.evaluate(() => [...document.images].map((img) => ({
        src: img.currentSrc || img.src,
        loaded: img.complete && img.naturalWidth > 0,
        width: img.naturalWidth,
        lazy: img.loading === "lazy",
        top: Math.round(img.getBoundingClientRect().top),
    })));
    const serviceWorker = await page.evaluate(async () =>
        "serviceWorker" in navigator && (await navigator.serviceWorker.getRegistrations()).length > 0);

    // Which memory each loaded photo belongs to, and the size of the original it came from.
    const seed = new Map();
    if (seedTsv && fs.existsSync(seedTsv)) {
        for (const line of fs.readFileSync(seedTsv, "utf8").split("\n").filter(Boolean)) {
            const [id, file, bytes] = line.split("\t");
            seed.set(Number(id), { file, bytes: Number(bytes) });
        }
    }
    const memories = await (await fetch(`${site}/api/memories`)).json();
    const stemOf = (url) => (url ? new URL(url, site).pathname.split("/").pop().replace(/\.[^.]+$/, "") : null);
    const memoryOf = (url) => {
        const name = stemOf(url);
        return memories.find((m) => {
            const stem = stemOf(m.photo_url);
            return stem && name && (name === stem || name.startsWith(`${stem}-`) || name.startsWith(`${stem}_`));
        });
    };

    const sum = (list, key) => list.reduce((total, r) => total + (r[key] ?? 0), 0);
    const byType = {};
    for (const r of resources) {
        const t = r.type === "document" ? "html" : r.type === "image" ? "image" : ["script", "stylesheet"].includes(r.type) ? "css_js" : "other";
        byType[t] = (byType[t] ?? 0) + (r.body ?? 0) + (r.headers ?? 0);
    }
    const photoRequests = resources.filter((r) => r.type === "image" && new URL(r.url).pathname.startsWith("/uploads/"));
    const shownIds = new Set();
    let matched = 0;
    for (const r of photoRequests) {
        const memory = memoryOf(r.url);
        if (memory) {
            matched++;
            shownIds.add(memory.id);
        }
    }
    const originalsShown = [...shownIds].reduce((total, id) => total + (seed.get(id)?.bytes ?? 0), 0);
    const originalsAll = [...seed.values()].reduce((total, s) => total + s.bytes, 0);

    console.log(JSON.stringify({
        path,
        dpr,
        load_ms: loadMs,
        wire_bytes: wireBytes,
        page_bytes: sum(resources, "body") + sum(resources, "headers"),
        by_type: byType,
        requests: resources.length,
        html_bytes: resources.filter((r) => r.type === "document").reduce((t, r) => t + r.body, 0),
        photos_loaded: photoRequests.length,
        photo_bytes: photoRequests.reduce((t, r) => t + r.body + r.headers, 0),
        photo_urls: photoRequests.map((r) => new URL(r.url).pathname),
        photos_matched: matched,
        img_elements: images.length,
        img_loaded: images.filter((i) => i.loaded).length,
        service_worker: serviceWorker,
        memories: memories.length,
        originals_all_bytes: originalsAll,
        originals_all_count: seed.size,
        originals_shown_bytes: originalsShown,
        originals_shown_count: shownIds.size,
    }));
    await context.close();
} finally {
    await browser.close();
    relay.close();
}
