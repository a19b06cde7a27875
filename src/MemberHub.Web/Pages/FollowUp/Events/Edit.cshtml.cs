using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Events;

[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class EditModel(EventsQuery query, SaveEventHandler handler) : PageModel
{
    [BindProperty] public EventForm Input { get; set; } = new();
    public bool IsCancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is null) return Page();
        var details = await query.DetailsAsync(id.Value, ct);
        if (details is null) return NotFound();
        Input = EventForm.From(details.Event);
        IsCancelled = details.Event.IsCancelled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        Input.Id = id;
        var (savedId, validation) = await handler.HandleAsync(Input, ct);
        if (savedId is { } sid) return Redirect($"/FollowUp/Events/Details/{sid}");
        ModelState.AddErrors(validation, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long? id, [FromForm] bool cancelled = true, CancellationToken ct = default)
    {
        if (id is null || !await handler.CancelAsync(id.Value, cancelled, ct)) return NotFound();
        return Redirect($"/FollowUp/Events/Details/{id}");
    }
}
