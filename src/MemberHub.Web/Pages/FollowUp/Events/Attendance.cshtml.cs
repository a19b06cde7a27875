using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Events;

/// <summary>Recording who came (Admin, Staff): the member search for htmx and the add and remove posts.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class AttendanceModel(EventsQuery query, AttendanceHandler handler) : PageModel
{
    public long EventId { get; private set; }
    public IReadOnlyList<MemberPickRow> Picks { get; private set; } = [];

    public IActionResult OnGet(long id) => Redirect($"/FollowUp/Events/Details/{id}");

    public async Task<IActionResult> OnGetSearchAsync(long id, string? q, CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        EventId = id;
        Picks = await query.FindMembersAsync(id, q, ct);
        return Request.IsHtmx() ? Partial("_AttendeePicks", this) : Page();
    }

    public async Task<IActionResult> OnPostAddAsync(long id, [FromForm] long memberId, CancellationToken ct) =>
        Done(id, await handler.AddAsync(id, [memberId], ct));

    public async Task<IActionResult> OnPostAddManyAsync(long id, [FromForm] string? numbers, CancellationToken ct) =>
        Done(id, await handler.AddByNumbersAsync(id, numbers, ct));

    public async Task<IActionResult> OnPostRemoveAsync(long id, [FromForm] long attendanceId, CancellationToken ct)
    {
        if (await handler.RemoveAsync(id, attendanceId, ct)) TempData["Flash"] = "参加の記録を外しました。";
        return Redirect($"/FollowUp/Events/Details/{id}");
    }

    private RedirectResult Done(long id, AttendanceResult result)
    {
        if (result.Problems.Count > 0) TempData["FlashError"] = string.Join(" ", result.Problems);
        if (result.Added > 0 || result.AlreadyThere > 0)
            TempData["Flash"] = $"{result.Added}名の参加を記録しました。" + (result.AlreadyThere > 0 ? $"（{result.AlreadyThere}名は記録済み）" : "");
        return Redirect($"/FollowUp/Events/Details/{id}");
    }
}
