// Manual payment form: as the amount is typed, suggest the split over the open invoices, oldest first (the
// rows are in that order), until a person types an allocation themselves. The server does the same when
// every allocation is left blank, so the page works without this script.
(() => {
    const amount = document.querySelector('[data-payment-amount]');
    if (!amount) return;
    const shares = [...document.querySelectorAll('input[data-balance]')];
    let touched = false;
    shares.forEach(s => s.addEventListener('input', () => { touched = true; }));
    const toNumber = (text) => {
        const n = parseInt((text || '').normalize('NFKC').replace(/[,円¥\s]/g, ''), 10);
        return Number.isFinite(n) ? n : 0;
    };
    amount.addEventListener('input', () => {
        if (touched) return;
        let left = toNumber(amount.value);
        for (const s of shares) {
            const take = Math.max(0, Math.min(left, parseInt(s.dataset.balance, 10)));
            s.value = take > 0 ? String(take) : '';
            left -= take;
        }
    });
})();
