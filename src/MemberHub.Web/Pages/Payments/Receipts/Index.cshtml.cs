using MemberHub.Thanks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>The receipt book: every receipt and certificate issued, voided ones with their reason (Finance).</summary>
public class IndexModel(ReceiptListQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReceiptKind? Kind { get; set; }

    public IReadOnlyList<ReceiptRow> Rows { get; private set; } = [];
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ThisYear = MemberHub.Common.JapanTime.Today(clock).Year;
        Rows = await query.ListAsync(Year, Kind, ct: ct);
    }
}
