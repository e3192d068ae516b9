// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
    // After an in-place change, put keyboard focus where the person's attention now is.
    const target = event.detail.elt;
    const focusable = target.querySelector("[autofocus]");
    if (focusable) {
        focusable.focus();
    }
});
