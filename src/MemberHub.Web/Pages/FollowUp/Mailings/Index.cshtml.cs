using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Mailings;

/// <summary>お知らせ・郵送: the mailings, latest first.</summary>
public class IndexModel(MailingsHandler handler) : PageModel
{
    public IReadOnlyList<MailingRow> Mailings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mailings = await handler.ListAsync(ct);
}
