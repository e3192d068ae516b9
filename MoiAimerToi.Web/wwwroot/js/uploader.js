// The album's uploader: many files at once (the picker, or files and folders dropped on it), each sent in its own
// request with its own progress bar; a file that fails says why and can be sent again alone, the others are kept.
// The album is fetched again as files arrive. The album's tiles reorder by drag and drop (the buttons do the same).
(() => {
    const uploader = document.querySelector("[data-uploader]");
    if (!uploader) {
        return;
    }
    const list = uploader.querySelector("[data-uploader-list]");
    const input = uploader.querySelector("[data-uploader-input]");
    const text = uploader.dataset;
    const queue = [];
    let sending = 0;
    let refresh = null;

    const refreshAlbum = () => {
        clearTimeout(refresh);
        refresh = setTimeout(() => htmx.ajax("GET", text.albumUrl, { target: "#album-editor", swap: "outerHTML" }), 300);
    };

    const send = (item) => {
        item.row.classList.remove("is-failed");
        item.status.textContent = "";
        item.retry.hidden = true;
        item.bar.value = 0;
        item.bar.hidden = false;
        const request = new XMLHttpRequest();
        request.open("POST", text.uploadUrl);
        // The page's antiforgery token (htmx-antiforgery.js), in its header, so that checking it never reads the file.
        const antiForgery = htmx.config.antiForgery;
        if (antiForgery) {
            request.setRequestHeader(antiForgery.headerName, antiForgery.requestToken);
        }
        request.upload.addEventListener("progress", (event) => {
            if (event.lengthComputable) {
                item.bar.value = event.loaded / event.total;
            }
        });
        request.addEventListener("loadend", () => {
            sending--;
            item.bar.hidden = true;
            if (request.status === 201 || request.status === 202) {
                item.row.classList.add("is-done");
                item.status.textContent = request.status === 202 ? text.textProcessing : text.textReady;
                refreshAlbum();
            } else {
                let reason = request.status === 0 ? text.textOffline : request.statusText;
                try {
                    reason = JSON.parse(request.responseText).error ?? reason;
                } catch {
                    // Not JSON: the status says enough.
                }
                item.row.classList.add("is-failed");
                item.status.textContent = text.textFailed.replace("{0}", reason);
                item.retry.hidden = false;
            }
            next();
        });
        const body = new FormData();
        body.append("file", item.file, item.file.name);
        sending++;
        request.send(body);
    };

    // Two at a time: the server prepares two photos at once, and a phone's connection is better used than split.
    const next = () => {
        while (sending < 2 && queue.length > 0) {
            send(queue.shift());
        }
    };

    // Said at once, rather than after sending hundreds of megabytes for nothing.
    const tooLarge = (file) => file.size > Number(file.type.startsWith("video/") || /\.(mov|mp4|webm)$/i.test(file.name)
        ? text.maxVideoBytes : text.maxPhotoBytes);

    const add = (file) => {
        const row = document.createElement("li");
        row.className = "upload-item";
        const name = document.createElement("span");
        name.className = "upload-name";
        name.textContent = file.webkitRelativePath || file.name;
        const bar = document.createElement("progress");
        bar.max = 1;
        bar.value = 0;
        bar.setAttribute("aria-label", file.name);
        const status = document.createElement("span");
        status.className = "upload-status";
        const retry = document.createElement("button");
        retry.type = "button";
        retry.className = "button button-quiet";
        retry.textContent = text.textRetry;
        retry.hidden = true;
        row.append(name, bar, status, retry);
        list.append(row);
        const item = { file, row, bar, status, retry };
        retry.addEventListener("click", () => {
            queue.push(item);
            next();
        });
        if (tooLarge(file)) {
            bar.hidden = true;
            row.classList.add("is-failed");
            status.textContent = text.textFailed.replace("{0}", text.textTooLarge);
            return;
        }
        queue.push(item);
    };

    const addAll = (files) => {
        for (const file of files) {
            add(file);
        }
        next();
    };

    input.addEventListener("change", () => {
        addAll([...input.files]);
        input.value = "";
    });

    // A dropped folder is walked for its files (and its folders' files).
    const walk = (entry) => new Promise((resolve) => {
        if (entry.isFile) {
            entry.file((file) => resolve(file.name.startsWith(".") ? [] : [file]), () => resolve([]));
        } else if (entry.isDirectory) {
            const reader = entry.createReader();
            const found = [];
            const read = () => reader.readEntries(async (entries) => {
                if (entries.length === 0) {
                    resolve(found);
                    return;
                }
                for (const child of entries) {
                    found.push(...await walk(child));
                }
                read();
            }, () => resolve(found));
            read();
        } else {
            resolve([]);
        }
    });

    const zone = uploader.querySelector(".drop-zone");
    for (const type of ["dragenter", "dragover"]) {
        zone.addEventListener(type, (event) => {
            // Without this the browser would open a dropped file itself, leaving the page and its uploads.
            event.preventDefault();
            zone.classList.add("is-dragging");
        });
    }
    zone.addEventListener("dragleave", () => zone.classList.remove("is-dragging"));
    zone.addEventListener("drop", async (event) => {
        event.preventDefault();
        event.stopPropagation();
        zone.classList.remove("is-dragging");
        const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
        const files = entries.length > 0 ? (await Promise.all(entries.map(walk))).flat() : [...event.dataTransfer.files];
        addAll(files.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })));
    });

    // Reordering the album's tiles by dragging, sent as the whole new order: with a mouse (drag and drop), or with a
    // finger after a long press (a quick swipe still scrolls the page).
    const sendOrder = (grid) => {
        const ids = [...grid.querySelectorAll(".album-tile")].map((tile) => tile.dataset.mediaId);
        htmx.ajax("POST", grid.dataset.orderUrl, { target: "#album-editor", swap: "outerHTML", values: { ids } });
    };
    const moveOver = (tile, over, clientX) => {
        if (over && over !== tile && over.parentElement === tile.parentElement) {
            const rect = over.getBoundingClientRect();
            over.parentElement.insertBefore(tile, clientX > rect.left + rect.width / 2 ? over.nextSibling : over);
        }
    };

    let dragged = null;
    document.addEventListener("dragstart", (event) => {
        dragged = event.target.closest?.(".album-tile");
        if (dragged) {
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", dragged.dataset.mediaId);
            dragged.classList.add("is-dragged");
        }
    });
    document.addEventListener("dragover", (event) => {
        const over = event.target.closest?.(".album-tile");
        if (dragged && over) {
            event.preventDefault();
            moveOver(dragged, over, event.clientX);
        }
    });
    document.addEventListener("dragend", () => {
        if (dragged) {
            dragged.classList.remove("is-dragged");
            const grid = dragged.closest("[data-album-order]");
            dragged = null;
            sendOrder(grid);
        }
    });

    let touch = null;
    document.addEventListener("touchstart", (event) => {
        const tile = event.target.closest?.(".album-tile");
        if (!tile || event.touches.length !== 1 || event.target.closest("button, a")) {
            return;
        }
        const { clientX, clientY } = event.touches[0];
        touch = { tile, x: clientX, y: clientY, dragging: false };
        touch.timer = setTimeout(() => {
            touch.dragging = true;
            tile.classList.add("is-dragged");
            navigator.vibrate?.(15);
        }, 350);
    }, { passive: true });
    document.addEventListener("touchmove", (event) => {
        if (!touch) {
            return;
        }
        const { clientX, clientY } = event.touches[0];
        if (touch.dragging) {
            event.preventDefault();
            // Near the screen's top or bottom edge the page follows the finger, to reach tiles out of sight.
            const edge = 60;
            window.scrollBy(0, clientY < edge ? -12 : clientY > window.innerHeight - edge ? 12 : 0);
            moveOver(touch.tile, document.elementFromPoint(clientX, clientY)?.closest(".album-tile"), clientX);
        } else if (Math.hypot(clientX - touch.x, clientY - touch.y) > 10) {
            clearTimeout(touch.timer);
            touch = null;
        }
    }, { passive: false });
    const endTouch = () => {
        if (!touch) {
            return;
        }
        clearTimeout(touch.timer);
        if (touch.dragging) {
            touch.tile.classList.remove("is-dragged");
            sendOrder(touch.tile.closest("[data-album-order]"));
        }
        touch = null;
    };
    document.addEventListener("touchend", endTouch);
    document.addEventListener("touchcancel", endTouch);
})();
