using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Segments;

/// <summary>セグメント: the saved searches with how many people each finds now.</summary>
public class IndexModel(SegmentsHandler handler) : PageModel
{
    public IReadOnlyList<SegmentRow> Segments { get; private set; } = [];
    public bool Archived { get; private set; }

    public async Task OnGetAsync(bool archived, CancellationToken ct)
    {
        Archived = archived;
        Segments = await handler.ListAsync(archived, ct);
    }
}
