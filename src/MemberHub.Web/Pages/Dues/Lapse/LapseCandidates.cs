using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Organisation;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Lapse;

public sealed record ArrearsYear(int FiscalYear, Yen Balance);

public sealed record LapseCandidate(
    long MemberId, int MemberNumber, string Name, string NameKana, MemberStatus Status, string ClassName,
    IReadOnlyList<ArrearsYear> Years, int ReminderCount, DateOnly? LastReminderOn)
{
    public Yen Total => Years.Aggregate(Yen.Zero, (acc, y) => acc + y.Balance);

    /// <summary>"会費未納による資格喪失（2024・2025年度）": recorded as the member's status reason.</summary>
    public string Reason => $"会費未納による資格喪失（{string.Join("・", Years.Select(y => y.FiscalYear))}年度）";
}

public sealed record LapseList(int LapseAfterYears, IReadOnlyList<LapseCandidate> Candidates);

/// <summary>
/// 資格喪失候補: members (not already withdrawn or deceased) whose dues are unpaid and past due for at least
/// <see cref="OrganisationSettings.LapseAfterYears"/> different fiscal years. Only a list: the board decides.
/// </summary>
public sealed class LapseCandidatesQuery(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<int> LapseAfterYearsAsync(CancellationToken ct = default) =>
        await db.OrganisationSettings.AsNoTracking().Select(o => (int?)o.LapseAfterYears).SingleOrDefaultAsync(ct)
        ?? OrganisationSettings.DefaultLapseAfterYears;

    public async Task<LapseList> RunAsync(CancellationToken ct = default)
    {
        var years = await LapseAfterYearsAsync(ct);
        return new LapseList(years, await CandidatesAsync(years, null, ct));
    }

    public async Task<IReadOnlyList<LapseCandidate>> CandidatesAsync(int lapseAfterYears, IReadOnlyCollection<long>? onlyMembers, CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var arrears = db.Invoices.AsNoTracking()
            .Where(i => (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid) && i.DueOn < today);
        var memberIds = arrears.Select(i => new { i.MemberId, i.FiscalYear }).Distinct()
            .GroupBy(x => x.MemberId).Where(g => g.Count() >= lapseAfterYears).Select(g => g.Key);
        var members = db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id) && m.Status != MemberStatus.Withdrawn && m.Status != MemberStatus.Deceased);
        if (onlyMembers is not null) members = members.Where(m => onlyMembers.Contains(m.Id));
        var people = await members
            .OrderBy(m => m.MemberNumber)
            .Select(m => new
            {
                m.Id, m.MemberNumber, m.Name, m.NameKana, m.Status,
                ClassName = m.MemberClass != null ? m.MemberClass.Name : "",
                Reminders = db.DuesReminders.Count(r => r.MemberId == m.Id),
                LastReminder = db.DuesReminders.Where(r => r.MemberId == m.Id).Max(r => (DateOnly?)r.SentOn),
            })
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var invoices = new List<(long MemberId, int FiscalYear, long Total, long Paid)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await arrears.Where(i => chunk.Contains(i.MemberId))
                .Select(i => new { i.MemberId, i.FiscalYear, i.Total, i.PaidAmount }).ToListAsync(ct);
            invoices.AddRange(rows.Select(r => (r.MemberId, r.FiscalYear, r.Total.Value, r.PaidAmount.Value)));
        }
        var byMember = invoices.ToLookup(i => i.MemberId);
        return people.Select(p => new LapseCandidate(p.Id, p.MemberNumber, p.Name, p.NameKana, p.Status, p.ClassName,
                byMember[p.Id].GroupBy(i => i.FiscalYear).OrderBy(g => g.Key)
                    .Select(g => new ArrearsYear(g.Key, new Yen(g.Sum(i => i.Total - i.Paid)))).ToList(),
                p.Reminders, p.LastReminder))
            .ToList();
    }
}

/// <summary>
/// The board's decision: the chosen candidates become 退会 with the reason naming the years in arrears and
/// the date of the decision. Each member is checked again (still a candidate) at the moment of saving. The
/// audit log records each status change with the signed-in user; open invoices stay as they are.
/// </summary>
public sealed class ConfirmLapseHandler(MemberHubDbContext db, LapseCandidatesQuery candidates, TimeProvider clock)
{
    public async Task<(int Changed, string? Error)> HandleAsync(IReadOnlyCollection<long> memberIds, string? decidedOn, CancellationToken ct = default)
    {
        if (memberIds.Count == 0) return (0, "資格喪失とする会員を選んでください。");
        if (DateInput.TryParse(decidedOn) is not { } date) return (0, "決定日を 2026/11/23 のように入力してください。");
        if (date > JapanTime.Today(clock)) return (0, "決定日に未来の日付は入力できません。");

        var years = await candidates.LapseAfterYearsAsync(ct);
        var still = await candidates.CandidatesAsync(years, memberIds.Distinct().ToList(), ct);
        if (still.Count == 0) return (0, "選んだ会員は資格喪失候補ではなくなっています（入金済・状態変更済など）。");
        var ids = still.Select(c => c.MemberId).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var member in members)
        {
            member.Status = MemberStatus.Withdrawn;
            member.StatusChangedOn = date;
            member.StatusReason = still.Single(c => c.MemberId == member.Id).Reason;
            member.Version++;
            member.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (0, "選んだ会員の情報を他の方が同時に更新しました。一覧を確認してから、もう一度お試しください。");
        }
        return (members.Count, null);
    }
}

/// <summary>The number of fiscal years in arrears that makes a member a candidate (Admin only).</summary>
public sealed class SaveLapseSettingHandler(MemberHubDbContext db)
{
    public async Task<string?> HandleAsync(int? lapseAfterYears, CancellationToken ct = default)
    {
        if (lapseAfterYears is not (>= 1 and <= 10)) return "年数は1から10の整数で入力してください。";
        var settings = await db.OrganisationSettings.SingleOrDefaultAsync(ct);
        if (settings is null) return "団体の設定がまだありません。";
        if (settings.LapseAfterYears == lapseAfterYears) return null;
        settings.LapseAfterYears = lapseAfterYears.Value;
        settings.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "団体の設定を他の方が同時に更新しました。もう一度お試しください。";
        }
        return null;
    }
}
