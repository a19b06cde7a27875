using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.Goals;

/// <summary>
/// A goal and how far it has come: hours from recorded attendance in its period; money from the donations
/// (寄附 allocations of the payments ledger, reversals included as negatives) received in its period, plus
/// an amount staff enter for money that is not in the ledger (a collection box, a bazaar).
/// </summary>
public sealed record GoalView(long Id, string Title, GoalKind Kind, long Target, DateOnly From, DateOnly To, string? Message, long Achieved, long ManualAmount, long FromLedger)
{
    public int Percent => Target <= 0 ? 0 : (int)Math.Min(100, Achieved * 100 / Target);
    public string AchievedText => Kind == GoalKind.Hours ? Format.Hours(Achieved) : new Yen(Achieved).ToString();
    public string TargetText => Kind == GoalKind.Hours ? Format.Hours(Target) : new Yen(Target).ToString();

    private static class Format
    {
        public static string Hours(long h) => JapaneseFormat.Number(h) + "時間";
    }
}

public sealed class GoalForm
{
    public string? Title { get; set; }
    public GoalKind Kind { get; set; }
    public long Target { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Message { get; set; }
}

public sealed class GoalsHandler(MemberHubDbContext db)
{
    public async Task<List<GoalView>> ListAsync()
    {
        var goals = await db.VolunteerGoals.AsNoTracking().OrderByDescending(g => g.To).ThenBy(g => g.Id).ToListAsync();
        var views = new List<GoalView>();
        foreach (var g in goals) views.Add(await ViewOfAsync(g));
        return views;
    }

    public async Task<GoalView?> OneAsync(long id) =>
        await db.VolunteerGoals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id) is { } g ? await ViewOfAsync(g) : null;

    private async Task<GoalView> ViewOfAsync(VolunteerGoal g)
    {
        long achieved = 0;
        if (g.Kind == GoalKind.Hours)
        {
            var minutes = await db.VolunteerAssignments.Where(a => a.Attended == true && a.ServedOn >= g.From && a.ServedOn <= g.To)
                .SumAsync(a => (long?)a.MinutesServed) ?? 0;
            achieved = minutes / 60;
        }
        long ledger = 0;
        if (g.Kind == GoalKind.Money)
        {
            var donations = await db.PaymentAllocations.AsNoTracking()
                .Where(a => a.Kind == AllocationKind.Donation)
                .Join(db.Payments.Where(p => p.ReceivedOn >= g.From && p.ReceivedOn <= g.To), a => a.PaymentId, p => p.Id, (a, p) => a.Amount)
                .ToListAsync();
            ledger = donations.Sum(y => y.Value);
            achieved = ledger + g.ManualAmount;
        }
        return new GoalView(g.Id, g.Title, g.Kind, g.Target, g.From, g.To, g.Message, achieved, g.ManualAmount, ledger);
    }

    public async Task<string> OrganisationNameAsync() =>
        await db.OrganisationSettings.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name).FirstOrDefaultAsync() ?? "";

    public async Task<string?> AddAsync(GoalForm form)
    {
        var title = form.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200) return "目標の名前を200文字以内で入力してください。";
        if (!Enum.IsDefined(form.Kind)) return "目標の種類を選んでください。";
        if (form.Target <= 0 || form.Target > 10_000_000_000) return "目標の値を正しく入力してください。";
        var from = DateInput.TryParse(form.From);
        var to = DateInput.TryParse(form.To);
        if (from is null || to is null || to < from) return "期間を正しく入力してください。";
        if (form.Message?.Trim().Length > 2000) return "メッセージは2000文字以内で入力してください。";
        db.VolunteerGoals.Add(new VolunteerGoal
        {
            Title = title, Kind = form.Kind, Target = form.Target, From = from.Value, To = to.Value,
            Message = string.IsNullOrWhiteSpace(form.Message) ? null : form.Message.Trim(),
        });
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> SetAmountAsync(long id, long amount)
    {
        var goal = await db.VolunteerGoals.FirstOrDefaultAsync(g => g.Id == id);
        if (goal is null) return "目標が見つかりません。";
        if (goal.Kind != GoalKind.Money) return "時間の目標は参加実績から自動で集計されます。";
        if (amount < 0) return "金額を正しく入力してください。";
        goal.ManualAmount = amount;
        await db.SaveChangesAsync();
        return null;
    }
}
