using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp;

/// <summary>
/// "Done" on an item of today's list. A greeting sent is a contact like any other (対応履歴, and it counts as
/// contact for the member's figures) plus a done task dated on the day greeted, which is how the list knows
/// this year's card went out. Every write is audited by the interceptor.
/// </summary>
public sealed class TodayActionsHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <summary>False when the member does not exist or the day is not theirs to greet this week / month.</summary>
    public async Task<bool> BirthdayCardSentAsync(long memberId, DateOnly on)
    {
        var today = JapanTime.Today(clock);
        var (from, to) = TodayRules.BirthdayWeek(today);
        var birthday = await db.Members.Where(m => m.Id == memberId).Select(m => m.BirthMonthDay).FirstOrDefaultAsync();
        if (birthday is not { } md || MonthDay.OccurrenceBetween(md, from, to) != on) return false;
        if (await AlreadyAsync(memberId, FollowUpTaskKind.BirthdayCard, on, null)) return true;
        await GreetAsync(memberId, on, FollowUpTaskKind.BirthdayCard, "誕生日カード", "誕生日カードを送りました。");
        return true;
    }

    public async Task<bool> AnniversaryCardSentAsync(long memberId, DateOnly on)
    {
        var today = JapanTime.Today(clock);
        var (from, to) = TodayRules.AnniversaryMonth(today);
        var member = await db.Members.Where(m => m.Id == memberId).Select(m => new { m.JoinedMonthDay, m.JoinedOn }).FirstOrDefaultAsync();
        if (member is null || MonthDay.OccurrenceBetween(member.JoinedMonthDay, from, to) != on) return false;
        if (await AlreadyAsync(memberId, FollowUpTaskKind.ThankYouLetter, on, TodayQuery.AnniversaryTitlePrefix)) return true;
        var years = TodayRules.YearsOfMembership(member.JoinedOn, on);
        await GreetAsync(memberId, on, FollowUpTaskKind.ThankYouLetter, $"{TodayQuery.AnniversaryTitlePrefix}（{years}年）のお礼状",
            $"入会{years}周年のお礼状を送りました。");
        return true;
    }

    private Task<bool> AlreadyAsync(long memberId, FollowUpTaskKind kind, DateOnly on, string? titlePrefix) =>
        db.FollowUpTasks.AnyAsync(t => t.MemberId == memberId && t.Kind == kind && t.Status == FollowUpTaskStatus.Done && t.DueOn == on
            && (titlePrefix == null || t.Title.StartsWith(titlePrefix)));

    private async Task GreetAsync(long memberId, DateOnly on, FollowUpTaskKind kind, string title, string summary)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = new ContactRecord
        {
            MemberId = memberId, OccurredOn = JapanTime.Today(clock), Channel = ContactChannel.Post,
            StaffUserId = actor.UserId, StaffName = actor.UserName, Summary = summary, CreatedAt = now,
        };
        db.ContactRecords.Add(contact);
        await db.SaveChangesAsync();
        db.FollowUpTasks.Add(new FollowUpTask
        {
            MemberId = memberId, Kind = kind, Title = title, DueOn = on, Status = FollowUpTaskStatus.Done,
            AssignedUserId = actor.UserId, AssignedName = actor.UserName, CompletedAt = now, CompletedByName = actor.UserName,
            ContactRecordId = contact.Id, CreatedAt = now, CreatedByName = actor.UserName,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The follow-up a contact record asked for is done.</summary>
    public async Task<bool> ContactFollowUpDoneAsync(long contactId)
    {
        var contact = await db.ContactRecords.FirstOrDefaultAsync(c => c.Id == contactId);
        if (contact is null) return false;
        contact.FollowUpDoneAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return true;
    }
}
