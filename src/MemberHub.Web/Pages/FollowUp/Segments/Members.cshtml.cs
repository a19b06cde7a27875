using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Segments;

/// <summary>Who a segment finds now, 100 a page, with what one can do with them.</summary>
public class MembersModel(SegmentsHandler handler) : PageModel
{
    public SegmentMembersPage Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, int page = 1, CancellationToken ct = default)
    {
        var result = await handler.MembersAsync(id, page, ct);
        if (result is null) return NotFound();
        Result = result;
        return Page();
    }
}
