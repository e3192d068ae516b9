"use strict";
// Passkeys: a button marked data-passkey="create" or "request" asks the site for the options (its form's fields
// and antiforgery token go along), lets the browser make or use a passkey, and sends the result with its form, in
// the hidden fields CredentialJson (or PasskeyError, which the page turns into a message). Browsers without passkeys
// keep the buttons hidden and show what is marked data-passkey-unsupported.
(() => {
    const supported = typeof window.PublicKeyCredential === "function"
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
    if (!supported) {
        return;
    }

    for (const note of document.querySelectorAll("[data-passkey-unsupported]")) {
        note.hidden = true;
    }

    for (const button of document.querySelectorAll("button[data-passkey]")) {
        button.hidden = false;
        button.addEventListener("click", async () => {
            const form = button.form;
            button.disabled = true;
            try {
                const response = await fetch(button.dataset.optionsUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
                if (!response.ok) {
                    throw new Error(`options: ${response.status}`);
                }
                const options = await response.json();
                const credential = button.dataset.passkey === "create"
                    ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                    : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
                form.elements.CredentialJson.value = JSON.stringify(credential);
            } catch (error) {
                form.elements.PasskeyError.value = error.name === "Error" ? error.message : error.name;
            }
            if (button.dataset.submitUrl) {
                form.action = button.dataset.submitUrl;
            }
            form.submit();
        });
    }
})();
