// The reconciliation screen's keyboard: j/k move between suggestion rows, Enter confirms the first candidate,
// x ticks the row for "confirm selected". After htmx re-renders the groups, focus returns to the same place.
(() => {
    let lastIndex = 0;
    const rows = () => Array.from(document.querySelectorAll('#suggested-lines tr.suggestion'));
    const typing = (el) => el && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY', 'A'].includes(el.tagName));

    document.addEventListener('keydown', (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const active = document.activeElement;
        const row = active && active.closest && active.closest('tr.suggestion');
        if (typing(active) && !(row && active === row)) return;
        const list = rows();
        if (list.length === 0) return;
        const index = row ? list.indexOf(row) : -1;
        if (event.key === 'j' || event.key === 'k') {
            const next = event.key === 'j' ? Math.min(index + 1, list.length - 1) : Math.max(index - 1, 0);
            list[next].focus();
            list[next].scrollIntoView({ block: 'nearest' });
            event.preventDefault();
        } else if (row && event.key === 'Enter') {
            const button = row.querySelector('button.confirm-first');
            if (button) { lastIndex = index; button.click(); event.preventDefault(); }
        } else if (row && event.key === 'x') {
            const box = row.querySelector('input[name=lineIds]');
            if (box) { box.checked = !box.checked; event.preventDefault(); }
        }
    });

    document.addEventListener('click', (event) => {
        const row = event.target.closest && event.target.closest('tr.suggestion');
        if (row) lastIndex = rows().indexOf(row);
    });

    document.addEventListener('change', (event) => {
        if (event.target.id !== 'select-all-suggested') return;
        document.querySelectorAll('input[name=lineIds][form=bulk-form]').forEach(c => { c.checked = event.target.checked; });
    });

    document.addEventListener('htmx:afterSwap', (event) => {
        if (!event.detail.target || event.detail.target.id !== 'groups' && !document.getElementById('groups').contains(event.detail.target)) return;
        const list = rows();
        if (list.length > 0) list[Math.min(lastIndex, list.length - 1)].focus({ preventScroll: false });
    });
})();
