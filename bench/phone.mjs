// node phone.mjs ORIGIN MEMORY_PATH: a phone on slow 4G opening ORIGIN in headless Chromium, and JSON figures of it.
// 390x844 CSS pixels at DPR 3, the network throttled through the DevTools protocol as Lighthouse's slow 4G
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up). Each of /, /memories and MEMORY_PATH is a first view
// in a fresh browser profile (cold caches); then, in the profile that opened /, a second navigation to /story
// (warm caches). Bytes are counted on the wire by a loopback TCP relay, so the service worker's own fetches count
// too; the relay also lists every request that reached the server. LCP is the page's largest-contentful-paint.
import net from "node:net";
import { chromium } from "playwright-core";

const [originArg, memoryPath] = process.argv.slice(2);
const upstream = new URL(originArg);

let wireBytes = 0;
let requests = [];
let lastActivity = Date.now();
const relay = net.createServer((client) => {
    const server = net.connect(Number(upstream.port), upstream.hostname);
    let sent = "";
    client.on("data", (chunk) => {
        lastActivity = Date.now();
        sent += chunk.toString("latin1");
        // Request lines, as the browser sent them on this connection (keep-alive: several, one after another).
        for (let match; (match = /^(GET|HEAD|POST) (\S+) HTTP\/1\.1\r\n[\s\S]*?\r\n\r\n/.exec(sent));) {
            requests.push(match[2]);
            sent = sent.slice(match[0].length);
        }
    });
    server.on("data", (chunk) => { wireBytes += chunk.length; lastActivity = Date.now(); });
    client.pipe(server);
    server.pipe(client);
    const close = () => { client.destroy(); server.destroy(); };
    for (const end of [client, server]) {
        end.on("error", close);
        end.on("close", close);
    }
});
await new Promise((resolve) => relay.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${relay.address().port}`;

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

async function newPhone() {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
        window.__lcp = 0;
        new PerformanceObserver((list) => { window.__lcp = list.getEntries().at(-1).startTime; })
            .observe({ type: "largest-contentful-paint", buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
        offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    return { context, page };
}

/** Opens the path and waits for the network to be quiet (the service worker installs and fetches after load). */
async function view(page, path) {
    const bytesBefore = wireBytes;
    const requestsBefore = requests.length;
    const started = Date.now();
    await page.goto(origin + path, { waitUntil: "load", timeout: 60000 });
    const loadMs = Date.now() - started;
    while (Date.now() - lastActivity < 2000 && Date.now() - started < 60000) {
        await page.waitForTimeout(250);
    }
    const lcp = await page.evaluate(() => window.__lcp);
    return {
        path,
        bytes: wireBytes - bytesBefore,
        requests: requests.slice(requestsBefore),
        load_ms: loadMs,
        lcp_ms: Math.round(lcp),
    };
}

try {
    const firstViews = [];
    let warm;
    for (const path of ["/", "/memories", memoryPath]) {
        const { context, page } = await newPhone();
        firstViews.push(await view(page, path));
        if (path === "/") {
            warm = await view(page, "/story");
        }
        await context.close();
    }
    console.log(JSON.stringify({ first_views: firstViews, warm }));
} finally {
    await browser.close();
    relay.close();
}
