// Photo fields: a preview before sending, drag and drop, and progress while htmx uploads.
// Without this file the same fields are plain file inputs in plain multipart forms.
(() => {
    const previews = new WeakMap();

    function showPreview(input) {
        const field = input.closest(".photo-field");
        const preview = field?.querySelector(".photo-preview");
        if (!preview) {
            return;
        }
        const old = previews.get(preview);
        if (old) {
            URL.revokeObjectURL(old);
        }
        const file = input.files && input.files[0];
        if (!file) {
            preview.hidden = true;
            preview.removeAttribute("src");
            return;
        }
        const url = URL.createObjectURL(file);
        previews.set(preview, url);
        // A browser that cannot show the file (a HEIC outside Safari) shows its name alone; the site still takes it.
        preview.onerror = () => { preview.hidden = true; };
        preview.src = url;
        preview.hidden = false;
        field.querySelector(".photo-name").textContent = file.name;
    }

    document.addEventListener("change", (event) => {
        if (event.target.matches(".photo-field input[type=file]")) {
            showPreview(event.target);
        }
    });

    for (const type of ["dragenter", "dragover"]) {
        document.addEventListener(type, (event) => {
            const zone = event.target.closest?.(".drop-zone");
            if (zone) {
                event.preventDefault();
                zone.classList.add("is-dragging");
            }
        });
    }

    document.addEventListener("dragleave", (event) => {
        event.target.closest?.(".drop-zone")?.classList.remove("is-dragging");
    });

    document.addEventListener("drop", (event) => {
        const zone = event.target.closest?.(".drop-zone");
        if (!zone) {
            return;
        }
        event.preventDefault();
        zone.classList.remove("is-dragging");
        const input = zone.closest(".photo-field").querySelector("input[type=file]");
        if (event.dataTransfer?.files.length) {
            input.files = event.dataTransfer.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
        }
    });

    const progressOf = (form) => form?.querySelector?.(".upload-progress");

    document.addEventListener("htmx:beforeRequest", (event) => {
        const progress = progressOf(event.detail.elt);
        const file = event.detail.elt.querySelector?.(".photo-field input[type=file]");
        if (progress && file?.files.length) {
            progress.value = 0;
            progress.hidden = false;
        }
    });

    document.addEventListener("htmx:xhr:progress", (event) => {
        const progress = progressOf(event.target);
        if (progress && event.detail.lengthComputable) {
            progress.value = Math.round((event.detail.loaded / event.detail.total) * 100);
        }
    });

    document.addEventListener("htmx:afterRequest", (event) => {
        const progress = progressOf(event.detail.elt);
        if (progress) {
            progress.hidden = true;
        }
    });
})();
