using MemberHub.Identity;
using MemberHub.Web.Pages.Dues.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

/// <summary>
/// The member's page. Readable by Admin, Staff and Treasurer (folder policy); the personal section, the
/// audit log and every form are for Admin and Staff only. The forms post to their own pages, which carry
/// the editing policy.
/// </summary>
public class DetailsModel(MemberDetailsQuery query, MemberInvoicesQuery invoices) : PageModel
{
    public MemberDetailsView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<MemberInvoiceRow> Invoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        CanEdit = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        var view = await query.RunAsync(id, canEdit: CanEdit, withAudit: CanEdit);
        if (view is null) return NotFound();
        View = view;
        Invoices = await invoices.ForMemberAsync(id);
        return Page();
    }
}
