using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

/// <summary>銀行データ取込: upload → (CSV: column mapping) → preview → confirm; the file stays on the server between the steps.</summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
[RequestSizeLimit(ImportBankFileHandler.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportBankFileHandler.MaxBytes + 1024 * 1024)]
public class ImportModel(ImportBankFileHandler handler) : PageModel
{
    [BindProperty]
    public BankImportInput Input { get; set; } = new();

    [BindProperty]
    public NewMappingInput NewMapping { get; set; } = new();

    public BankImportState State { get; private set; } = new();

    public async Task OnGetAsync() => State = await handler.StartAsync();

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        await using var stream = file?.OpenReadStream();
        State = await handler.UploadAsync(stream, file?.FileName, file?.Length ?? 0, Input);
        return Show();
    }

    /// <summary>Read again with another encoding or mapping (or the header row of a new mapping changed).</summary>
    public async Task<IActionResult> OnPostReadAsync()
    {
        State = await handler.PreviewAsync(Input, NewMapping);
        return Show();
    }

    public async Task<IActionResult> OnPostSaveMappingAsync()
    {
        State = await handler.SaveMappingAsync(Input, NewMapping);
        return Show();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var result = await handler.ConfirmAsync(Input);
        if (result.Failed is { } failed)
        {
            State = failed;
            return Show();
        }
        TempData["Flash"] = "銀行データを取り込みました。" + (result.AutoPosted is { } a
            ? (a.Posted > 0 ? $"{a.Posted}件の入金を自動で消し込みました。" : "") +
              (a.Cancelled > 0 ? $"取消通知により{a.Cancelled}件の入金を取り消しました。" : "") +
              (a.CancellationsToDecide > 0 ? $"確認が必要な取消通知が{a.CancellationsToDecide}件あります。" : "")
            : "");
        return Redirect($"/Payments/Imports/Details/{result.ImportId}");
    }

    private PageResult Show()
    {
        ModelState.Clear();
        Input = State.Input;
        NewMapping = State.NewMapping;
        return Page();
    }
}
