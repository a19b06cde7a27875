using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.Organisation;

public class IndexModel(OrganisationQuery query, SaveOrganisationHandler handler, SealImageHandler seal) : PageModel
{
    [BindProperty]
    public OrganisationRequest Input { get; set; } = new();

    public bool HasSeal { get; private set; }

    public async Task OnGetAsync()
    {
        Input = await query.GetAsync();
        HasSeal = await seal.GetAsync() is not null;
    }

    public async Task<IActionResult> OnPostSealAsync(IFormFile? sealFile)
    {
        var error = await seal.SaveAsync(sealFile);
        if (error is null)
        {
            TempData["Flash"] = "印影の画像を登録しました。";
            return RedirectToPage();
        }
        ModelState.AddModelError("sealFile", error);
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveSealAsync()
    {
        await seal.RemoveAsync();
        TempData["Flash"] = "印影の画像を削除しました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetSealAsync()
    {
        var image = await seal.GetAsync();
        return image is { } i ? File(i.Data, i.ContentType) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await handler.HandleAsync(Input);
        if (errors.Count == 0)
        {
            TempData["Flash"] = "団体情報を保存しました。";
            return RedirectToPage();
        }
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        if (errors.Any(e => e.Message == SaveOrganisationHandler.StaleMessage))
        {
            // Show what is saved now, so the user re-enters over the latest values rather than overwriting them.
            ModelState.Clear();
            ModelState.AddModelError("", SaveOrganisationHandler.StaleMessage);
            Input = await query.GetAsync();
        }
        HasSeal = await seal.GetAsync() is not null;
        return Page();
    }
}
