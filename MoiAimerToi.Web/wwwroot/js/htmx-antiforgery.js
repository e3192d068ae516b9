// Every htmx request that changes something carries the antiforgery token the page's htmx-config meta tag
// holds (pages give one only to those who may edit); a form that already has the token field keeps its own.
document.addEventListener("htmx:configRequest", (event) => {
    const token = htmx.config.antiForgery;
    if (token && event.detail.verb !== "get" && !(token.formFieldName in event.detail.parameters)) {
        event.detail.headers[token.headerName] = token.requestToken;
    }
});
