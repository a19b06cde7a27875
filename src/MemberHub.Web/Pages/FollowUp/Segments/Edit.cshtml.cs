using MemberHub.FollowUp;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Segments;

/// <summary>The segment editor: the count follows the criteria as they change (htmx posts the form to OnPostCount).</summary>
public class EditModel(SegmentsHandler handler, SegmentChoicesQuery choices) : PageModel
{
    [BindProperty]
    public SegmentInput Input { get; set; } = new();

    public long? Id { get; private set; }
    public bool IsArchived { get; private set; }
    public SegmentChoices Choices { get; private set; } = null!;
    public SegmentCountView Count { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        Choices = await choices.GetAsync(ct);
        SegmentCriteria criteria;
        if (id is { } existing)
        {
            var found = await handler.GetAsync(existing, ct);
            if (found is null) return NotFound();
            Id = existing;
            IsArchived = found.Value.Segment.IsArchived;
            criteria = found.Value.Criteria;
            Input = SegmentInput.From(found.Value.Segment.Name, found.Value.Segment.Description, criteria);
        }
        else
        {
            criteria = new SegmentCriteria { Statuses = [MemberHub.Members.MemberStatus.Active] };
            Input = SegmentInput.From("", null, criteria);
        }
        Count = new SegmentCountView(await handler.CountAsync(criteria, ct), Choices.Describe(criteria), []);
        return Page();
    }

    /// <summary>The live count: the form as it stands, counted in the database; saves nothing.</summary>
    public async Task<IActionResult> OnPostCountAsync(CancellationToken ct)
    {
        Choices = await choices.GetAsync(ct);
        var (criteria, errors) = Input.ToCriteria();
        Response.Headers.Vary = "HX-Request";
        Count = errors.Count > 0
            ? new SegmentCountView(null, "", errors.Select(e => e.Message).ToList())
            : new SegmentCountView(await handler.CountAsync(criteria, ct), Choices.Describe(criteria), []);
        return Partial("_SegmentCount", Count);
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        var (outcome, savedId, errors) = await handler.SaveAsync(id, Input, ct);
        if (outcome == SegmentSaveOutcome.NotFound) return NotFound();
        if (outcome == SegmentSaveOutcome.Saved)
        {
            TempData["Flash"] = $"セグメント「{Input.Name?.Trim()}」を保存しました。";
            return Redirect($"/FollowUp/Segments/Members?id={savedId}");
        }
        foreach (var (field, message) in errors) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        Id = id;
        Choices = await choices.GetAsync(ct);
        Count = new SegmentCountView(null, "", errors.Select(e => e.Message).ToList());
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(long id, bool archived, CancellationToken ct)
    {
        if (!await handler.SetArchivedAsync(id, archived, ct)) return NotFound();
        TempData["Flash"] = archived ? "セグメントを保管しました（一覧から外れます。削除はされません）。" : "セグメントを使用中に戻しました。";
        return Redirect("/FollowUp/Segments" + (archived ? "" : ""));
    }
}

public sealed record SegmentCountView(int? Count, string Description, IReadOnlyList<string> Errors);
