using MemberHub.Common;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

/// <summary>One member's invoice for a fiscal year, by the same rules as a billing run (e.g. for a member who joined late).</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class IssueModel(BillingPlanQuery planner, IssueInvoicesHandler issuer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long MemberId { get; set; }
    [BindProperty(SupportsGet = true)] public int? FiscalYear { get; set; }
    [BindProperty] public string? Fingerprint { get; set; }

    public BillingPlan Plan { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Plan.Fingerprint != Fingerprint) Problem = IssueInvoicesHandler.ChangedMessage;
        else
        {
            var result = await issuer.IssueAsync(Plan, asRun: false);
            if (result.Outcome == IssueOutcome.Issued)
            {
                TempData["Flash"] = "請求書を発行しました。";
                return Redirect($"/Dues/Invoices/Details/{result.InvoiceIds![0]}");
            }
            Problem = result.Message;
            await LoadAsync();
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var (current, issued, due, _) = await planner.DefaultsAsync(JapanTime.Today(clock));
        FiscalYear ??= current;
        Years = [current - 1, current, current + 1];
        Plan = await planner.RunAsync(new BillingRequest(FiscalYear.Value, [], issued, due, MemberId));
        return Plan.Billed.Count + Plan.LeftOut.Count > 0;
    }
}
