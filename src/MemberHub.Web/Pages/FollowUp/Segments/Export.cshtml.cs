using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Segments;

/// <summary>CSV of a segment's members: a confirmation first (personal data leaves the system), then the audited download by POST.</summary>
public class ExportModel(SegmentsHandler segments, ExportSegmentHandler export) : PageModel
{
    public SegmentMembersPage Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await segments.MembersAsync(id, 1, ct);
        if (result is null) return NotFound();
        Result = result;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var file = await export.HandleAsync(id, ct);
        if (file is null) return NotFound();
        return File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }
}
