using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Suggestions;

/// <summary>おすすめの人: whom an event or a mailing suits (a GET form: the result can be bookmarked and changes nothing).</summary>
public class IndexModel(SuggestionsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? EventId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keywords { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public IReadOnlyList<EventChoice> Events { get; private set; } = [];
    public SuggestionResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Events = await query.EventsAsync(ct);
        if (EventId is not null || !string.IsNullOrWhiteSpace(Keywords) || !string.IsNullOrWhiteSpace(Date))
        {
            Result = await query.SuggestAsync(new SuggestionInput(EventId, Keywords, Date), ct);
            if (Result is null) return NotFound();
        }
        return Page();
    }
}
