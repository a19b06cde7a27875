// Copy buttons: <button data-copy-target="id-of-input" data-copied-text="...">; the page supplies the words.
document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy-target]');
    if (!button) return;
    const field = document.getElementById(button.dataset.copyTarget);
    if (!field) return;
    field.select();
    try {
        await navigator.clipboard.writeText(field.value);
    } catch {
        document.execCommand('copy');
    }
    if (button.dataset.copiedText) button.textContent = button.dataset.copiedText;
});
