// Installs the service worker (sw.js) that keeps the pages and photos already seen viewable offline.
if ("serviceWorker" in navigator && !navigator.serviceWorker.controller) {
    // Once a worker controls the page the browser checks it for updates on each visit; registering
    // again would only add a failing request when offline.
    window.addEventListener("load", async () => {
        try {
            // Its update check may use the browser's cache (the site lets it keep the script an hour), so that a
            // navigation asks the network for its page alone.
            await navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "all" });
            const registration = await navigator.serviceWorker.ready;
            const assets = performance.getEntriesByType("resource").map((entry) => entry.name);
            registration.active?.postMessage({ page: location.href, assets });
        } catch (error) {
            // The site works without it; offline reading is a bonus.
            console.warn("Service worker not installed:", error);
        }
    });
}
