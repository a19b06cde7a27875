using System.Globalization;
using MemberHub.Common;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

/// <summary>請求作成: choose the year (and classes, dates), preview who is billed and who is left out, then confirm.</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class CreateModel(BillingPlanQuery planner, IssueInvoicesHandler issuer, RunFormOptionsQuery options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? FiscalYear { get; set; }
    [BindProperty(SupportsGet = true)] public List<long> ClassIds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? IssuedOn { get; set; }
    [BindProperty(SupportsGet = true)] public string? DueOn { get; set; }
    [BindProperty(SupportsGet = true)] public bool Preview { get; set; }
    [BindProperty] public string? Fingerprint { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int BilledPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "lp")] public int LeftOutPage { get; set; } = 1;

    public RunFormOptions Options { get; private set; } = null!;
    public BillingPlan? Plan { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        if (Preview) Plan = await planner.RunAsync(BuildRequest());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        var (result, plan) = await issuer.ConfirmRunAsync(BuildRequest(), Fingerprint);
        if (result.Outcome == IssueOutcome.Issued)
        {
            TempData["Flash"] = $"{plan.Billed.Count:#,0}件の請求書を発行しました（合計 {plan.Total}）。";
            return Redirect($"/Dues/Runs/Details/{result.RunId}");
        }
        Problem = result.Message;
        Plan = await planner.RunAsync(BuildRequest());
        Preview = true;
        return Page();
    }

    private BillingRequest BuildRequest() =>
        new(FiscalYear!.Value, ClassIds, DateInput.TryParse(IssuedOn)!.Value, DateInput.TryParse(DueOn)!.Value);

    /// <summary>Fills defaults and checks the dates; false (with errors in ModelState) when the form cannot be previewed.</summary>
    private async Task<bool> LoadAsync()
    {
        var today = JapanTime.Today(clock);
        Options = await options.RunAsync(today);
        FiscalYear ??= Options.CurrentFiscalYear;
        IssuedOn ??= DateInput.ToInput(today);
        var issued = DateInput.TryParse(IssuedOn);
        DueOn ??= DateInput.ToInput((issued ?? today).AddDays(Options.PaymentTermDays));
        var due = DateInput.TryParse(DueOn);
        if (FiscalYear is < 2000 or > 2100) ModelState.AddModelError(nameof(FiscalYear), "年度を選んでください。");
        if (issued is null) ModelState.AddModelError(nameof(IssuedOn), "発行日を 2026/04/01 のように入力してください。");
        if (due is null) ModelState.AddModelError(nameof(DueOn), "支払期限を 2026/04/30 のように入力してください。");
        else if (issued is { } i && due < i) ModelState.AddModelError(nameof(DueOn), "支払期限は発行日より後の日付にしてください。");
        BilledPage = Math.Max(1, BilledPage);
        LeftOutPage = Math.Max(1, LeftOutPage);
        return ModelState.IsValid;
    }

    public string PageUrl(string parameter)
    {
        var q = new List<string>
        {
            "FiscalYear=" + FiscalYear?.ToString(CultureInfo.InvariantCulture),
            "IssuedOn=" + Uri.EscapeDataString(IssuedOn ?? ""),
            "DueOn=" + Uri.EscapeDataString(DueOn ?? ""),
            "Preview=true",
        };
        q.AddRange(ClassIds.Select(c => "ClassIds=" + c.ToString(CultureInfo.InvariantCulture)));
        if (parameter != "p") q.Add("p=" + BilledPage.ToString(CultureInfo.InvariantCulture));
        if (parameter != "lp") q.Add("lp=" + LeftOutPage.ToString(CultureInfo.InvariantCulture));
        return "/Dues/Runs/Create?" + string.Join("&", q) + "&" + parameter + "=";
    }
}
