using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.BankAccounts;

public class EditModel(BankAccountsQuery query, SaveBankAccountHandler handler) : PageModel
{
    [BindProperty]
    public BankAccountRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        if (id is { } i)
        {
            var found = await query.GetAsync(i);
            if (found is null) return NotFound();
            Input = found;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        Input.Id = id;
        var (outcome, errors) = await handler.SaveAsync(Input);
        switch (outcome)
        {
            case BankAccountSaveOutcome.Saved:
                TempData["Flash"] = "振込先口座を保存しました。";
                return RedirectToPage("Index");
            case BankAccountSaveOutcome.NotFound:
                return NotFound();
            case BankAccountSaveOutcome.Stale:
                ModelState.Clear();
                ModelState.AddModelError("", SaveBankAccountHandler.StaleMessage);
                Input = (await query.GetAsync(id!.Value))!;
                return Page();
            default:
                foreach (var (field, message) in errors)
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                return Page();
        }
    }
}
