using MemberHub.Ledger;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Imports;

/// <summary>
/// The reconciliation screen's actions (POST with the antiforgery token): confirm a candidate, confirm several,
/// assign or split by hand, mark as 寄附・その他収入・返金予定, undo; and the member search of the 未照合 group.
/// With htmx the groups come back re-rendered (rows move between groups, counts change); without, a redirect.
/// </summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class DecideModel(ReconcileLinesHandler handler, ReconciliationQuery query, MemberInvoiceSearchQuery search) : PageModel
{
    /// <summary>Rows shown per group on the page the action came from (sent by htmx from the groups' hx-vals).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Show { get; set; }

    public IActionResult OnGet(long id) => Redirect($"/Payments/Imports/Details/{id}");

    public async Task<IActionResult> OnPostConfirmAsync(long id, long lineId, long memberId, int? version, AllocationKind restAs, CancellationToken ct) =>
        await ShowAsync(id, await handler.ConfirmAsync(id, lineId, memberId, version, restAs, ct), ct);

    public async Task<IActionResult> OnPostConfirmManyAsync(long id, List<string>? lineIds, CancellationToken ct) =>
        await ShowAsync(id, await handler.ConfirmManyAsync(id, DecisionInputs.ParseIds(lineIds), ct), ct);

    public async Task<IActionResult> OnPostAssignAsync(long id, AssignInput input, CancellationToken ct) =>
        await ShowAsync(id, await handler.AssignAsync(id, input, ct), ct);

    public async Task<IActionResult> OnPostUndoAsync(long id, long lineId, string? reason, int? version, CancellationToken ct) =>
        await ShowAsync(id, await handler.UndoAsync(id, lineId, reason, version, ct), ct);

    public async Task<IActionResult> OnGetSearchAsync(long id, long lineId, string? q, CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        var line = await query.LineAsync(id, lineId, ct);
        if (line is null) return NotFound();
        return Partial("_SearchResults", new SearchResultsView(id, line, q ?? "", await search.RunAsync(q, ct)));
    }

    private async Task<IActionResult> ShowAsync(long id, DecisionResult result, CancellationToken ct)
    {
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            var view = await query.RunAsync(id, ct);
            if (view is null) return NotFound();
            return Partial("_Groups", view with
            {
                Message = result.Message, MessageIsError = result.IsError, CanPost = true, RowsShown = ReconciliationView.ClampRows(Show),
            });
        }
        TempData[result.IsError ? "Error" : "Flash"] = result.Message;
        return Redirect($"/Payments/Imports/Details/{id}");
    }
}
