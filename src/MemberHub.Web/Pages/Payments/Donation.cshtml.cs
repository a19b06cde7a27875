using MemberHub.Common;
using MemberHub.Ledger;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

[Authorize(Policy = AccessRules.Policies.Posting)]
public class DonationModel(ManualPaymentQuery query, RecordDonationHandler handler) : PageModel
{
    [BindProperty]
    public DonationForm Input { get; set; } = new();

    public string? Q { get; private set; }
    public IReadOnlyList<MemberPick> Picks { get; private set; } = [];
    public MemberPick? Donor { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? memberId, string? q, CancellationToken ct)
    {
        Q = q;
        Picks = await query.FindMembersAsync(q, ct);
        if (memberId is { } id)
        {
            Donor = (await query.PayeeAsync(id, ct))?.Member;
            if (Donor is null) return NotFound();
            Input = handler.NewForm(id, Donor);
        }
        return Page();
    }

    /// <summary>The search-as-you-type results under the donor box (htmx).</summary>
    public async Task<IActionResult> OnGetMembersAsync(string? q, CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        return Partial("_DonorPicks", await query.FindMembersAsync(q, ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (result, fieldErrors) = await handler.HandleAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = $"寄附を記録しました（{Yen.TryParse(Input.Amount)}、{LedgerLabels.Of(Input.Method)}）。領収書・証明書はこの画面から発行できます。";
            return Redirect($"/Payments/Details/{result.PaymentId}");
        }
        foreach (var (field, message) in fieldErrors) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        foreach (var message in result.Errors) ModelState.AddModelError("", message);
        Donor = (await query.PayeeAsync(Input.MemberId, ct))?.Member;
        return Page();
    }
}
