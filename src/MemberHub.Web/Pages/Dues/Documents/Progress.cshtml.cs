using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Documents;

/// <summary>The progress fragment of one PDF job, polled by htmx while the job runs.</summary>
public class ProgressModel(DocumentJobQuery query) : PageModel
{
    public DocumentJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long jobId, CancellationToken ct)
    {
        var job = await query.GetAsync(jobId, ct);
        if (job is null) return NotFound();
        Job = job;
        return Page();
    }
}
