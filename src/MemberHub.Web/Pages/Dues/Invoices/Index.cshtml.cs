using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

public class IndexModel(InvoicesQuery query, TimeProvider clock) : PageModel
{
    /// <summary>0 = all years; empty = the current fiscal year.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public InvoiceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public long? ClassId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public InvoiceList List { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Classes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var (current, years, classes) = await query.OptionsAsync(JapanTime.Today(clock));
        (Years, Classes) = (years, classes);
        Year ??= current;
        var prefix = "/Dues/Invoices?" + string.Join("&", new[]
        {
            "Year=" + Year.Value.ToString(CultureInfo.InvariantCulture),
            Status is { } s ? "Status=" + s : null,
            ClassId is { } c ? "ClassId=" + c.ToString(CultureInfo.InvariantCulture) : null,
            string.IsNullOrWhiteSpace(Q) ? null : "Q=" + Uri.EscapeDataString(Q),
        }.Where(x => x is not null)) + "&page=";
        List = await query.ListAsync(new InvoiceFilter(Year == 0 ? null : Year, Status, ClassId, Q, PageNumber), prefix);
    }
}
