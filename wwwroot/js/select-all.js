// <input type="checkbox" data-select-all="ids">: ticks or clears every checkbox named "ids" in the same form.
document.addEventListener('change', (event) => {
    const all = event.target.closest('[data-select-all]');
    if (!all) return;
    const form = all.form || document;
    form.querySelectorAll(`input[type=checkbox][name="${all.dataset.selectAll}"]`).forEach(c => { c.checked = all.checked; });
});
