using MemberHub.Members;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

/// <summary>Family links and tags from the member's page; each form posts here and comes back to the page.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class LinksModel(MemberLinksHandler handler) : PageModel
{
    public IActionResult OnGet(long id) => Redirect($"/Members/Details/{id}");

    public async Task<IActionResult> OnPostAddRelationAsync(long id, int? relatedNumber, RelationKind kind)
    {
        if (!await handler.ExistsAsync(id)) return NotFound();
        Answer(await handler.AddRelationAsync(id, relatedNumber, kind), "家族・関係を登録しました。");
        return Back(id, "relations");
    }

    public async Task<IActionResult> OnPostRemoveRelationAsync(long id, long relationId)
    {
        if (!await handler.RemoveRelationAsync(id, relationId)) return NotFound();
        TempData["Flash"] = "家族・関係の登録を外しました。";
        return Back(id, "relations");
    }

    public async Task<IActionResult> OnPostAddTagAsync(long id, string? tagName)
    {
        if (!await handler.ExistsAsync(id)) return NotFound();
        Answer(await handler.AddTagAsync(id, tagName), "タグを付けました。");
        return Back(id, "tags");
    }

    public async Task<IActionResult> OnPostRemoveTagAsync(long id, long tagId)
    {
        if (!await handler.ExistsAsync(id)) return NotFound();
        await handler.RemoveTagAsync(id, tagId);
        TempData["Flash"] = "タグを外しました。";
        return Back(id, "tags");
    }

    private void Answer(string? error, string ok) => TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;

    private RedirectResult Back(long id, string anchor) => Redirect($"/Members/Details/{id}#{anchor}");
}
