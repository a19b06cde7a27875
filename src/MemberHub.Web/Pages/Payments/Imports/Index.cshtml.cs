using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Imports;

public class IndexModel(ListImportsQuery query) : PageModel
{
    public IReadOnlyList<ImportListRow> Imports { get; private set; } = [];

    public async Task OnGetAsync() => Imports = await query.RunAsync();
}
