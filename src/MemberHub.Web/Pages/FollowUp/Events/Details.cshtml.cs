using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Events;

/// <summary>The event and who came. Readable by the office; the attendance forms post to /FollowUp/Events/Attendance (Admin, Staff).</summary>
public class DetailsModel(EventsQuery query, TimeProvider clock) : PageModel
{
    public EventDetailsView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool IsFuture { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await query.DetailsAsync(id, ct);
        if (view is null) return NotFound();
        View = view;
        CanEdit = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        IsFuture = view.Event.HeldOn > MemberHub.Common.JapanTime.Today(clock);
        return Page();
    }
}
