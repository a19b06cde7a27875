using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.Members;

public class CreateModel(SaveMemberHandler handler) : MemberFormPage(handler)
{
    public override bool IsNew => true;

    public async Task OnGetAsync()
    {
        Input = await Handler.NewFormAsync();
        await LoadOptionsAsync();
    }

    public async Task<IActionResult> OnPostAsync() =>
        await AnswerAsync(await Handler.CreateAsync(Input), "会員を登録しました。");
}
