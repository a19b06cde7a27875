using System.Security.Claims;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Dues.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.My;

/// <summary>マイページ for any signed-in user: their own member record, found through their account only.</summary>
public class IndexModel(MyDetailsHandler handler, MemberInvoicesQuery invoices, MyVolunteeringQuery volunteering) : PageModel
{
    [BindProperty]
    public MyForm Input { get; set; } = new();

    public MyView? View { get; private set; }
    /// <summary>The signed-in member's own invoices (found through the account, never through the request).</summary>
    public IReadOnlyList<MemberInvoiceRow> Invoices { get; private set; } = [];

    /// <summary>Volunteer requests waiting for this member's answer (shown as a link to マイページ › ボランティア).</summary>
    public int PendingInvitations { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync()
    {
        View = await handler.ViewAsync(UserId);
        if (View is not null)
        {
            Input = MyForm.From(View.Member);
            Invoices = await invoices.ForMemberAsync(View.Member.Id);
            PendingInvitations = await volunteering.PendingCountAsync(View.Member.Id);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, errors) = await handler.SaveAsync(UserId, Input);
        switch (outcome)
        {
            case MySaveOutcome.NoMember:
                return NotFound();
            case MySaveOutcome.Saved:
                TempData["Flash"] = "ご登録内容を更新しました。ありがとうございます。";
                return Redirect("/My");
            case MySaveOutcome.Stale:
                ModelState.AddModelError("", "この画面を開いている間に、事務局があなたの登録内容を更新しました。お手数ですが、画面を開き直してからもう一度入力してください。");
                break;
            default:
                foreach (var (field, message) in errors)
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                break;
        }
        View = await handler.ViewAsync(UserId);
        if (View is not null) Invoices = await invoices.ForMemberAsync(View.Member.Id);
        return Page();
    }
}
