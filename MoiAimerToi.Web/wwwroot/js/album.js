// The album large: its strip scrolls (and snaps) by swipe, by the ‹ › buttons and the arrow keys; past its last
// photo comes the next memory. A slideshow plays it (button, or the space bar). Photos zoom by double tap or
// double click, and by pinching; a zoomed photo pans under the finger. Without this file the strip still scrolls.
(() => {
    const strip = () => document.querySelector("[data-album]");
    const slides = (album) => [...album.querySelectorAll(".album-slide:not(.album-next)")];

    const current = (album) => Math.round(album.scrollLeft / Math.max(1, album.clientWidth));

    const show = (album, index) => {
        album.scrollTo({ left: index * album.clientWidth, behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    };

    const step = (by) => {
        const album = strip();
        if (!album) {
            return false;
        }
        const index = current(album) + by;
        const last = album.children.length - 1;
        if (index < 0) {
            document.querySelector('[data-viewer="prev"]')?.click();
        } else if (index > last) {
            document.querySelector('[data-viewer="next"]')?.click();
        } else {
            album.dataset.movedAt = String(Date.now());
            show(album, index);
        }
        return true;
    };

    // The position ("3 sur 12"), and the next memory once its slide is reached.
    const watch = (album) => {
        if (album.dataset.watched) {
            return;
        }
        album.dataset.watched = "1";
        const position = document.querySelector("[data-album-position]");
        const count = slides(album).length;
        const template = position?.textContent.replace(/\d+/, "{0}");
        album.addEventListener("scroll", () => {
            const index = current(album);
            if (position && index < count) {
                position.textContent = template.replace("{0}", String(index + 1));
            }
            for (const video of album.querySelectorAll("video")) {
                if (video.closest(".album-slide") !== album.children[index]) {
                    video.pause();
                }
            }
        }, { passive: true });
        // Once the strip has come to rest on the last slide (not while a swipe flies past it), the next memory.
        const next = album.querySelector("[data-album-next]");
        // Only after the person moved the strip: a page growing (a resize, a full-page screenshot) can re-snap it too.
        for (const type of ["touchstart", "pointerdown", "wheel"]) {
            album.addEventListener(type, () => { album.dataset.movedAt = String(Date.now()); }, { passive: true });
        }
        const moved = () => Date.now() - Number(album.dataset.movedAt ?? 0) < 5000;
        const onNext = () => next && !slideshow.timer && moved() && current(album) === album.children.length - 1;
        if ("onscrollend" in window) {
            album.addEventListener("scrollend", () => onNext() && next.click());
        } else if (next && "IntersectionObserver" in window) {
            new IntersectionObserver((entries) => {
                if (entries.some((entry) => entry.intersectionRatio > 0.9) && onNext()) {
                    next.click();
                }
            }, { root: album, threshold: [0.9] }).observe(next);
        }
        // A swipe towards the newer memory from the first photo.
        let startX = null;
        album.addEventListener("touchstart", (event) => {
            startX = event.touches.length === 1 && album.scrollLeft <= 0 ? event.touches[0].clientX : null;
        }, { passive: true });
        album.addEventListener("touchend", (event) => {
            if (startX !== null && event.changedTouches[0].clientX - startX > 80 && !album.querySelector(".is-zoomed")) {
                document.querySelector('[data-viewer="prev"]')?.click();
            }
            startX = null;
        }, { passive: true });
    };

    const slideshow = {
        timer: null,
        button: () => document.querySelector("[data-album-slideshow]"),
        toggle() {
            this.timer ? this.stop() : this.start();
        },
        start() {
            const album = strip();
            if (!album || slides(album).length < 2) {
                return;
            }
            this.timer = setInterval(() => {
                const index = current(album);
                const video = album.children[index]?.querySelector("video");
                if (video && !video.paused && !video.ended) {
                    return;
                }
                show(album, index + 1 >= slides(album).length ? 0 : index + 1);
            }, 4000);
            this.label(true);
        },
        stop() {
            clearInterval(this.timer);
            this.timer = null;
            this.label(false);
        },
        label(playing) {
            const button = this.button();
            if (button) {
                button.setAttribute("aria-pressed", String(playing));
                button.textContent = playing ? button.dataset.textPause : button.dataset.textPlay;
            }
        },
    };

    document.addEventListener("click", (event) => {
        const stepButton = event.target.closest("[data-album-step]");
        if (stepButton) {
            step(Number(stepButton.dataset.albumStep));
        } else if (event.target.closest("[data-album-slideshow]")) {
            slideshow.toggle();
        }
    });

    document.addEventListener("keydown", (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea, select, video")) {
            return;
        }
        if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && step(event.key === "ArrowLeft" ? -1 : 1)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        } else if (event.key === " " && strip() && !event.target.closest("button, a")) {
            event.preventDefault();
            slideshow.toggle();
        } else if (event.key === "Escape" && slideshow.timer) {
            event.preventDefault();
            event.stopImmediatePropagation();
            slideshow.stop();
        }
    }, true);

    // Zoom: a scale and an offset per photo, set as a transform.
    const zoom = new WeakMap();
    const apply = (box) => {
        const state = zoom.get(box) ?? { scale: 1, x: 0, y: 0 };
        const image = box.querySelector("img");
        image.style.transform = state.scale === 1 ? "" : `translate(${state.x}px, ${state.y}px) scale(${state.scale})`;
        box.classList.toggle("is-zoomed", state.scale > 1);
    };
    const zoomAt = (box, scale, clientX, clientY) => {
        const state = zoom.get(box) ?? { scale: 1, x: 0, y: 0 };
        const rect = box.getBoundingClientRect();
        const clamped = Math.min(5, Math.max(1, scale));
        // Keep the point under the finger where it is.
        const px = clientX - rect.left - rect.width / 2;
        const py = clientY - rect.top - rect.height / 2;
        const ratio = clamped / state.scale;
        const next = clamped === 1 ? { scale: 1, x: 0, y: 0 } : { scale: clamped, x: px - (px - state.x) * ratio, y: py - (py - state.y) * ratio };
        zoom.set(box, next);
        apply(box);
    };

    document.addEventListener("dblclick", (event) => {
        const box = event.target.closest("[data-zoom]");
        if (box) {
            event.preventDefault();
            zoomAt(box, (zoom.get(box)?.scale ?? 1) > 1 ? 1 : 2.5, event.clientX, event.clientY);
        }
    });

    const pointers = new Map();
    let pinch = null;
    let lastTap = 0;
    document.addEventListener("pointerdown", (event) => {
        const box = event.target.closest("[data-zoom]");
        if (!box) {
            return;
        }
        pointers.set(event.pointerId, { x: event.clientX, y: event.clientY, box });
        if (pointers.size === 2) {
            const [a, b] = [...pointers.values()];
            pinch = { box, distance: Math.hypot(a.x - b.x, a.y - b.y), scale: zoom.get(box)?.scale ?? 1 };
        } else if (event.pointerType === "touch") {
            // A double tap, where a touch screen sends no dblclick.
            if (event.timeStamp - lastTap < 300) {
                zoomAt(box, (zoom.get(box)?.scale ?? 1) > 1 ? 1 : 2.5, event.clientX, event.clientY);
                lastTap = 0;
            } else {
                lastTap = event.timeStamp;
            }
        }
    });
    document.addEventListener("pointermove", (event) => {
        const pointer = pointers.get(event.pointerId);
        if (!pointer) {
            return;
        }
        const { box } = pointer;
        if (pinch && pointers.size === 2) {
            pointer.x = event.clientX;
            pointer.y = event.clientY;
            const [a, b] = [...pointers.values()];
            const distance = Math.hypot(a.x - b.x, a.y - b.y);
            zoomAt(box, pinch.scale * distance / Math.max(1, pinch.distance), (a.x + b.x) / 2, (a.y + b.y) / 2);
        } else if (box.classList.contains("is-zoomed")) {
            const state = zoom.get(box);
            state.x += event.clientX - pointer.x;
            state.y += event.clientY - pointer.y;
            apply(box);
        }
        pointer.x = event.clientX;
        pointer.y = event.clientY;
    });
    const lift = (event) => {
        pointers.delete(event.pointerId);
        if (pointers.size < 2) {
            pinch = null;
        }
    };
    document.addEventListener("pointerup", lift);
    document.addEventListener("pointercancel", lift);

    const start = () => {
        const album = strip();
        if (album) {
            watch(album);
        }
    };
    start();
    // The album is swapped whole after a change, or while a video is prepared.
    document.addEventListener("htmx:afterSettle", start);
})();
