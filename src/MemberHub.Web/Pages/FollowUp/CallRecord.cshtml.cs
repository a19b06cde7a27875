using MemberHub.Members;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp;

/// <summary>Records the call being taken as a contact record (today, by phone), straight from the caller page.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class CallRecordModel(AddContactRecordHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    public IActionResult OnGet(long memberId) => Redirect($"/FollowUp/Caller?memberId={memberId}");

    public async Task<IActionResult> OnPostAsync(long memberId)
    {
        var form = ContactForm.Blank(clock);
        form.Channel = ContactChannel.Phone;
        form.Summary = Contact.Summary;
        form.FollowUpNeeded = Contact.FollowUpNeeded;
        form.FollowUpBy = Contact.FollowUpBy;
        var result = await handler.HandleAsync(memberId, form);
        if (!result.Found) return NotFound();
        TempData[result.Errors.Count == 0 ? "Flash" : "FlashError"] =
            result.Errors.Count == 0 ? "通話を対応履歴に記録しました。" : string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect($"/FollowUp/Caller?memberId={memberId}");
    }
}
