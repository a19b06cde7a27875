using MemberHub.Common;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Dues.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>
/// 年間の寄附金受領証明書 for every donor of a calendar year (the January mailing): lists the donors, issues the missing
/// certificates and makes one print file in the background.
/// </summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class AnnualModel(AnnualCertificatesHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public AnnualPage View { get; private set; } = null!;
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ThisYear = JapanTime.Today(clock).Year;
        View = await handler.PageAsync(Year ?? ThisYear - 1, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ThisYear = JapanTime.Today(clock).Year;
        var result = await handler.QueueAsync(Year ?? ThisYear - 1, ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            View = await handler.PageAsync(Year ?? ThisYear - 1, ct);
            return Page();
        }
        TempData["Flash"] = $"{result.Issued}件の寄附金受領証明書を用意しました。印刷用PDFを作成しています。";
        return Redirect($"/Payments/Receipts/Annual?year={Year ?? ThisYear - 1}");
    }
}

public sealed record AnnualPage(bool Certified, AnnualPlan Plan, DocumentJobView? Job);
