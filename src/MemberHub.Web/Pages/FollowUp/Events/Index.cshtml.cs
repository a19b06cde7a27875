using MemberHub.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Events;

public class IndexModel(EventsQuery query, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EventRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<EventRow> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Upcoming, Past) = await query.ListAsync(JapanTime.Today(clock), ct);
}
