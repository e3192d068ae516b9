// The large view: arrow keys and swipes follow the page's own previous/next links; Escape goes back.
// Inside an album, album.js takes the arrows and swipes first, and comes here at its ends.
(() => {
    const go = (name) => {
        const link = document.querySelector(`[data-viewer="${name}"]`);
        if (link) {
            link.click();
        }
    };

    document.addEventListener("keydown", (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea")) {
            return;
        }
        const action = { ArrowLeft: "prev", ArrowRight: "next", Escape: "close" }[event.key];
        if (action) {
            event.preventDefault();
            go(action);
        }
    });

    let startX = null;
    let startY = null;
    const photo = document.querySelector(".viewer");
    photo?.addEventListener("touchstart", (event) => {
        if (event.target.closest("[data-album], [data-uploader], .album-editor")) {
            startX = null;
            return;
        }
        startX = event.touches[0].clientX;
        startY = event.touches[0].clientY;
    }, { passive: true });
    photo?.addEventListener("touchend", (event) => {
        if (startX === null) {
            return;
        }
        const dx = event.changedTouches[0].clientX - startX;
        const dy = event.changedTouches[0].clientY - startY;
        startX = null;
        if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
            go(dx > 0 ? "prev" : "next");
        }
    }, { passive: true });
})();
