using MemberHub.Web.Pages.FollowUp.Segments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Mailings;

/// <summary>A mailing's draft: title, segment, how it goes (e-mail, letter, labels), the list it belongs to and the text.</summary>
public class EditModel(MailingsHandler handler) : PageModel
{
    [BindProperty]
    public MailingInput Input { get; set; } = new();

    public long? Id { get; private set; }
    public IReadOnlyList<Choice> Segments { get; private set; } = [];
    public IReadOnlyList<Choice> Lists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, long? segmentId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var input = await handler.InputAsync(existing, ct);
            if (input is null) return NotFound();
            Input = input;
            Id = existing;
        }
        else
        {
            Input = new MailingInput { SegmentId = segmentId, MailingListId = 1, Body = "{{氏名}} 様\n\nいつも{{団体名}}の活動にご支援いただき、ありがとうございます。\n\n" };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        var (outcome, savedId, errors) = await handler.SaveDraftAsync(id, Input, ct);
        if (outcome == MailingOutcome.NotFound) return NotFound();
        if (outcome == MailingOutcome.Done) return Redirect($"/FollowUp/Mailings/Details?id={savedId}");
        foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        Id = id;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Segments = await handler.SegmentsAsync(ct);
        Lists = await handler.ListsAsync(ct);
    }
}
