using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

/// <summary>CSV取込: upload → columns → preview → import, each step a POST; the file itself stays on the server.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
[RequestSizeLimit(ImportFileStore.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFileStore.MaxBytes + 1024 * 1024)]
public class ImportModel(ImportMembersHandler handler) : PageModel
{
    [BindProperty]
    public ImportMapping Input { get; set; } = new();

    public ImportState State { get; private set; } = new() { Step = ImportStep.Upload };

    public void OnGet() { }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        await using var stream = file?.OpenReadStream();
        State = await handler.UploadAsync(stream, file?.FileName, file?.Length ?? 0, Input.Encoding);
        return Show();
    }

    /// <summary>The same file read again with another encoding, or back from the preview to the columns.</summary>
    public async Task<IActionResult> OnPostMappingAsync(bool reguess)
    {
        State = await handler.MappingAsync(Input, guess: reguess);
        return Show();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        State = await handler.PreviewAsync(Input);
        return Show();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        var result = await handler.ImportAsync(Input);
        if (result.Failed is { } failed)
        {
            State = failed;
            return Show();
        }
        TempData["Flash"] = $"{result.Imported}件の会員を取り込みました。";
        return Redirect("/Members");
    }

    private PageResult Show()
    {
        // The form fields must show the state the handler arrived at (guessed columns), not what was posted.
        ModelState.Clear();
        Input = State.Mapping;
        return Page();
    }
}
