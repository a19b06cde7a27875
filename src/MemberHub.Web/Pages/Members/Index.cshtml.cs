using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

public sealed record MemberListView(MemberSearch Search, MemberSearchResult Result);

public class IndexModel(SearchMembersQuery query) : PageModel
{
    public MemberSearch Search { get; private set; } = new();
    public MemberListView List { get; private set; } = null!;
    public SearchOptions Options { get; private set; } = null!;

    /// <summary>The whole page, or only the rows when htmx asks (search as you type, paging).</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] MemberSearch search, CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        Search = search;
        List = new MemberListView(search, await query.RunAsync(search, ct));
        if (Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request"))
            return Partial("_MemberRows", List);
        Options = await query.OptionsAsync(ct);
        return Page();
    }
}
