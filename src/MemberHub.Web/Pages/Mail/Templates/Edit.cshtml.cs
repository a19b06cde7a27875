using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail.Templates;

[Authorize(Policy = AccessRules.Policies.Billing)]
public class EditModel(MessageTemplatesHandler handler) : PageModel
{
    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    public TemplateRow Template { get; private set; } = null!;
    public TemplatePreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var found = await handler.FormAsync(id);
        if (found is null) return NotFound();
        (Template, Input) = found.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var found = await handler.FormAsync(id);
        if (found is null) return NotFound();
        Template = found.Value.Template;
        var (outcome, errors) = await handler.SaveAsync(id, Input);
        switch (outcome)
        {
            case TemplateSaveOutcome.NotFound:
                return NotFound();
            case TemplateSaveOutcome.Saved:
                TempData["Flash"] = $"「{Template.Name}」を保存しました。";
                return Redirect("/Mail/Templates");
            case TemplateSaveOutcome.Stale:
                ModelState.AddModelError("", "この文面は、あなたが開いた後に他の方が更新しました。入力した内容を控えてから、開き直してください。");
                return Page();
            default:
                foreach (var (field, message) in errors)
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                return Page();
        }
    }

    /// <summary>Shows the text being edited as a member would read it; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id)
    {
        var found = await handler.FormAsync(id);
        if (found is null) return NotFound();
        Template = found.Value.Template;
        var (preview, error) = await handler.PreviewAsync(Input);
        if (error is not null) ModelState.AddModelError($"{nameof(Input)}.{nameof(TemplateForm.PreviewInvoiceNumber)}", error);
        Preview = preview;
        if (Request.IsHtmx()) return Partial("_Preview", this);
        return Page();
    }
}
