// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
    // After an in-place change, put keyboard focus where the person's attention now is.
    const target = event.detail.elt;
    const focusable = target.querySelector("[autofocus]");
    if (focusable) {
        focusable.focus();
    }
});

// A button with data-copy="#field" copies that field's text (an invitation or a share link), and says so.
document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    const field = button && document.querySelector(button.dataset.copy);
    if (!field) {
        return;
    }
    field.select();
    try {
        await navigator.clipboard.writeText(field.value);
        button.dataset.copied = "true";
        setTimeout(() => delete button.dataset.copied, 2000);
    } catch {
        // Without the clipboard (an insecure origin), the text stays selected for the person to copy.
    }
});

// A photo's average colour (data-color) shows while its thumbnail loads; set here, as the pages allow no inline style.
const paintPlaceholders = (root) => {
    for (const element of root.querySelectorAll("[data-color]")) {
        if (/^#[0-9a-f]{6}$/.test(element.dataset.color)) {
            element.style.setProperty("--placeholder", element.dataset.color);
        }
    }
};
paintPlaceholders(document);
document.addEventListener("htmx:afterSwap", (event) => paintPlaceholders(event.detail.elt.parentElement ?? document));
