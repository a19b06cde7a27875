using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.DonorRegister;

/// <summary>
/// 寄附者名簿 (/Payments/DonorRegister): shown per fiscal year, downloaded by POST so every download is audited.
/// Admin and the treasurer only: names and addresses of donors are the most sensitive list the office keeps.
/// </summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class IndexModel(DonorRegisterQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public string? Encoding { get; set; }

    public DonorRegisterView View { get; private set; } = null!;
    public IReadOnlyList<int> Unencodable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => View = await query.ViewAsync(Year, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await query.ViewAsync(Year, ct);
        var cp932 = string.Equals(Encoding, "cp932", StringComparison.OrdinalIgnoreCase);
        var file = await query.CsvAsync(View.FiscalYear, cp932, ct);
        if (file.Content is null)
        {
            Unencodable = file.Unencodable;
            return Page();
        }
        return File(file.Content, cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8", file.FileName);
    }
}
