using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.Members;

public class EditModel(SaveMemberHandler handler) : MemberFormPage(handler)
{
    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var form = await Handler.EditFormAsync(id);
        if (form is null) return NotFound();
        Input = form;
        MemberId = id;
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        MemberId = id;
        return await AnswerAsync(await Handler.UpdateAsync(id, Input), "変更を保存しました。");
    }
}
