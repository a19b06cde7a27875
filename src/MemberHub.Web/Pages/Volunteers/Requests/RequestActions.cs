using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Volunteers;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.Requests;

public sealed record AttendanceInput(long AssignmentId, bool Attended, string? Hours);

/// <summary>
/// What happens to the people of a request: invited (by e-mail or noted as a phone call, each written to the
/// member's contact history: by the outbox's sender once an e-mail is sent, at once for a phone call), their answer (from マイページ or recorded by staff; a clash with another
/// accepted request at the same time is refused), reminders, and afterwards attendance and hours.
/// </summary>
public sealed class RequestActionsHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock, SiteLinks links, OutboxQueue outbox)
{
    private async Task<string> OrganisationAsync() =>
        await db.OrganisationSettings.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name).FirstOrDefaultAsync() ?? "";

    /// <summary>Invites the chosen members; returns how many were invited by e-mail and by phone, or an error.</summary>
    public async Task<(int Email, int Phone, string? Error)> InviteAsync(long requestId, IReadOnlyCollection<long> memberIds)
    {
        var request = await db.VolunteerRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return (0, 0, "募集が見つかりません。");
        if (request.Status != VolunteerRequestStatus.Open) return (0, 0, "募集中ではないため、依頼できません。");
        if (memberIds.Count == 0) return (0, 0, "依頼する人を選んでください。");
        var already = await db.VolunteerAssignments.Where(a => a.RequestId == requestId).Select(a => a.MemberId).ToListAsync();
        var ids = memberIds.Except(already).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id) && !m.IsArchived)
            .Select(m => new { m.Id, m.Email, m.RefusesEmail, m.PreferredChannel, m.Name }).ToListAsync();
        if (members.Count == 0) return (0, 0, "選んだ人はすでに依頼済みです。");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.Today(clock);
        var organisation = await OrganisationAsync();
        int email = 0, phone = 0;
        foreach (var m in members)
        {
            var byEmail = !string.IsNullOrWhiteSpace(m.Email) && !m.RefusesEmail && m.PreferredChannel != ContactChannel.Phone;
            var channel = byEmail ? InvitationChannel.Email : InvitationChannel.Phone;
            if (byEmail) email++; else phone++;
            db.VolunteerAssignments.Add(new VolunteerAssignment
            {
                RequestId = requestId, MemberId = m.Id, Status = AssignmentStatus.Invited, InvitedVia = channel,
                InvitedAt = now, InvitedOn = today, Version = 1,
            });
            if (byEmail)
            {
                outbox.Add(VolunteerMail.Invitation(links.Absolute("/My/Volunteer"), request, m.Id, m.Email!, m.Name, organisation));
                continue;
            }
            db.ContactRecords.Add(new ContactRecord
            {
                MemberId = m.Id, OccurredOn = today, Channel = ContactChannel.Phone,
                StaffUserId = actor.UserId, StaffName = actor.UserName, CreatedAt = now,
                Summary = $"ボランティアのお願い「{request.Title}」（{VolunteerLabels.When(request)}）を電話でご案内（電話をかけてください）",
                FollowUpNeeded = true, FollowUpBy = today.AddDays(3),
            });
        }
        await db.SaveChangesAsync();
        if (email > 0) outbox.NotifySender();
        return (email, phone, null);
    }

    /// <summary>
    /// Records an answer. <paramref name="ownMemberId"/> is the volunteer's own member id when they answer on
    /// マイページ (then only their own invitation can be answered), null when staff record it.
    /// </summary>
    public async Task<string?> AnswerAsync(long assignmentId, bool accept, long? ownMemberId)
    {
        var assignment = await db.VolunteerAssignments.Include(a => a.Request).FirstOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null || (ownMemberId is { } own && assignment.MemberId != own)) return "依頼が見つかりません。";
        var request = assignment.Request!;
        var today = JapanTime.Today(clock);
        if (request.Status == VolunteerRequestStatus.Cancelled) return "この募集は中止になりました。";
        if (ownMemberId is not null && request.LastDay < today) return "日付が過ぎているため、回答できません。";
        await using var tx = await db.Database.BeginTransactionAsync();
        if (accept)
        {
            if (assignment.Status == AssignmentStatus.Accepted) return null;
            // Two accepts at the same moment (the same person for overlapping requests, or the last places of one
            // request) are made one after the other: no-op updates lock the request and the member until commit,
            // so the second one's checks below see the first one's answer.
            await db.VolunteerRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Title, r => r.Title));
            await db.Members.Where(m => m.Id == assignment.MemberId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Version, m => m.Version));
            var clash = await ClashAsync(assignment.MemberId, request);
            if (clash is not null) return $"同じ時間に「{clash}」に参加予定のため、参加にできません（二重予約）。";
            if (ownMemberId is not null)
            {
                var going = await db.VolunteerAssignments.CountAsync(a => a.RequestId == request.Id && a.Status == AssignmentStatus.Accepted);
                if (going >= request.PeopleNeeded) return "定員に達したため、参加を受け付けられませんでした。事務局にご連絡ください。";
            }
        }
        assignment.Status = accept ? AssignmentStatus.Accepted : AssignmentStatus.Declined;
        assignment.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        assignment.AnsweredByStaff = ownMemberId is null;
        assignment.Version++;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return null;
    }

    /// <summary>The title of another accepted request of this member at an overlapping time, or null.</summary>
    public async Task<string?> ClashAsync(long memberId, VolunteerRequest request)
    {
        if (request.Date is not { } day) return null;
        var sameDay = await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.Status == AssignmentStatus.Accepted && a.RequestId != request.Id
                        && a.Request!.Date == day && a.Request.Status != VolunteerRequestStatus.Cancelled)
            .Select(a => new { a.Request!.Title, a.Request.StartTime, a.Request.EndTime })
            .ToListAsync();
        return sameDay.FirstOrDefault(o => Occasion.Fixed(day, o.StartTime, o.EndTime).Overlaps(request.Occasion))?.Title;
    }

    /// <summary>Notes a reminder for everyone going who has not had one yet; returns how many.</summary>
    public async Task<(int Count, string? Error)> RemindAsync(long requestId)
    {
        var request = await db.VolunteerRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return (0, "募集が見つかりません。");
        var today = JapanTime.Today(clock);
        if (request.LastDay < today) return (0, "日付が過ぎています。");
        var going = await db.VolunteerAssignments
            .Where(a => a.RequestId == requestId && a.Status == AssignmentStatus.Accepted && a.ReminderQueuedAt == null)
            .ToListAsync();
        if (going.Count == 0) return (0, "リマインドを送る相手がいません（参加者全員に送信済みか、参加者がいません）。");
        var memberIds = going.Select(a => a.MemberId).ToList();
        var members = await db.Members.Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Email, m.RefusesEmail, m.PreferredChannel, m.Name }).ToDictionaryAsync(m => m.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = await OrganisationAsync();
        foreach (var a in going)
        {
            var m = members[a.MemberId];
            var byEmail = !string.IsNullOrWhiteSpace(m.Email) && !m.RefusesEmail && m.PreferredChannel != ContactChannel.Phone;
            a.ReminderQueuedAt = now;
            a.Version++;
            if (byEmail)
            {
                outbox.Add(VolunteerMail.Reminder(links.Absolute("/My/Volunteer"), request, a.MemberId, m.Email!, m.Name, organisation));
                continue;
            }
            db.ContactRecords.Add(new ContactRecord
            {
                MemberId = a.MemberId, OccurredOn = today, Channel = ContactChannel.Phone,
                StaffUserId = actor.UserId, StaffName = actor.UserName, CreatedAt = now,
                Summary = $"「{request.Title}」（{VolunteerLabels.When(request)}）のリマインド（電話をかけてください）",
                FollowUpNeeded = true, FollowUpBy = today,
            });
        }
        await db.SaveChangesAsync();
        outbox.NotifySender();
        return (going.Count, null);
    }

    /// <summary>After the day: who came and for how long ("2", "2.5", "1:30"). Only accepted people can be marked.</summary>
    public async Task<string?> RecordAttendanceAsync(long requestId, IReadOnlyList<AttendanceInput> rows)
    {
        var request = await db.VolunteerRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return "募集が見つかりません。";
        var today = JapanTime.Today(clock);
        if (request.FirstDay > today) return "活動日の前には参加実績を記録できません。";
        var ids = rows.Select(r => r.AssignmentId).ToList();
        var assignments = await db.VolunteerAssignments.Where(a => a.RequestId == requestId && ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        foreach (var row in rows)
        {
            if (!assignments.TryGetValue(row.AssignmentId, out var a)) return "記録する参加者が見つかりません。";
            if (a.Status != AssignmentStatus.Accepted) continue;
            int? minutes = null;
            if (row.Attended)
            {
                minutes = ParseMinutes(row.Hours);
                if (minutes is null) return "時間は 2 や 2.5、1:30 のように入力してください（24時間以内）。";
            }
            a.Attended = row.Attended;
            a.MinutesServed = row.Attended ? minutes : null;
            a.ServedOn = row.Attended ? (request.Date ?? (request.LastDay < today ? request.LastDay : today)) : null;
            a.Version++;
        }
        await db.SaveChangesAsync();
        return null;
    }

    public static int? ParseMinutes(string? text)
    {
        var s = text?.Normalize(System.Text.NormalizationForm.FormKC).Trim().Replace("時間", "");
        if (string.IsNullOrEmpty(s)) return null;
        int minutes;
        if (s.Contains(':'))
        {
            var p = s.Split(':');
            if (p.Length != 2 || !int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                || !int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m >= 60) return null;
            minutes = h * 60 + m;
        }
        else if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
            minutes = (int)Math.Round(hours * 60);
        else return null;
        return minutes is > 0 and <= 24 * 60 ? minutes : null;
    }
}
