using System.Globalization;
using System.Text;
using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Events;

public sealed record EventRow(long Id, string Title, DateOnly HeldOn, TimeOnly? StartTime, string? Place, string? Keywords, bool IsCancelled, int Attendees);

public sealed record AttendeeRow(long AttendanceId, long MemberId, int MemberNumber, string Name, string NameKana, string? Note, DateTime RecordedAt, string RecordedByName);

public sealed record EventDetailsView(OrganisationEvent Event, IReadOnlyList<AttendeeRow> Attendees);

public sealed record MemberPickRow(long Id, int MemberNumber, string Name, string NameKana, MemberStatus Status, bool AlreadyAttending);

public sealed class EventsQuery(MemberHubDbContext db, SearchMembersQuery members)
{
    /// <summary>Upcoming first (soonest on top), then the past (latest on top), with how many came.</summary>
    public async Task<(IReadOnlyList<EventRow> Upcoming, IReadOnlyList<EventRow> Past)> ListAsync(DateOnly today, CancellationToken ct = default)
    {
        var counts = await db.EventAttendances.GroupBy(a => a.EventId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var events = await db.OrganisationEvents.AsNoTracking().OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id).Take(500)
            .Select(e => new { e.Id, e.Title, e.HeldOn, e.StartTime, e.Place, e.Keywords, e.IsCancelled }).ToListAsync(ct);
        var rows = events.Select(e => new EventRow(e.Id, e.Title, e.HeldOn, e.StartTime, e.Place, e.Keywords, e.IsCancelled, counts.GetValueOrDefault(e.Id))).ToList();
        return (rows.Where(r => r.HeldOn >= today).OrderBy(r => r.HeldOn).ThenBy(r => r.StartTime).ToList(), rows.Where(r => r.HeldOn < today).ToList());
    }

    public async Task<EventDetailsView?> DetailsAsync(long id, CancellationToken ct = default)
    {
        var e = await db.OrganisationEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var attendees = await (from a in db.EventAttendances
                               join m in db.Members on a.MemberId equals m.Id
                               where a.EventId == id
                               orderby m.SortKana, m.MemberNumber
                               select new AttendeeRow(a.Id, m.Id, m.MemberNumber, m.Name, m.NameKana, a.Note, a.RecordedAt, a.RecordedByName)).ToListAsync(ct);
        return new EventDetailsView(e, attendees);
    }

    /// <summary>Members for the attendance picker: the member list's own search, marked when already recorded.</summary>
    public async Task<IReadOnlyList<MemberPickRow>> FindMembersAsync(long eventId, string? q, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(q)) return [];
        var result = await members.RunAsync(new MemberSearch { Q = q }, ct);
        var rows = result.Rows.Take(10).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var attending = await db.EventAttendances.Where(a => a.EventId == eventId && ids.Contains(a.MemberId)).Select(a => a.MemberId).ToListAsync(ct);
        return rows.Select(r => new MemberPickRow(r.Id, r.MemberNumber, r.Name, r.NameKana, r.Status, attending.Contains(r.Id))).ToList();
    }
}

public sealed class EventForm
{
    public long? Id { get; set; }
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? StartTime { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }
    public string? Keywords { get; set; }

    public static EventForm From(OrganisationEvent e) => new()
    {
        Id = e.Id, Title = e.Title, HeldOn = DateInput.ToInput(e.HeldOn), StartTime = e.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Place = e.Place, Description = e.Description, Keywords = e.Keywords,
    };

    public static TimeOnly? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Normalize(NormalizationForm.FormKC).Trim().Replace('：', ':');
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;
    }
}

public sealed class EventFormValidator : AbstractValidator<EventForm>
{
    public EventFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("イベント名を入力してください。")
            .MaximumLength(200).WithMessage("イベント名は200文字以内で入力してください。");
        RuleFor(f => f.HeldOn).NotEmpty().WithMessage("開催日を入力してください。")
            .Must(d => DateInput.TryParse(d) is not null).WithMessage("開催日は 2026/04/01 のように入力してください。");
        RuleFor(f => f.StartTime).Must(t => string.IsNullOrWhiteSpace(t) || EventForm.ParseTime(t) is not null)
            .WithMessage("開始時刻は 13:30 のように入力してください。");
        RuleFor(f => f.Place).MaximumLength(200).WithMessage("場所は200文字以内で入力してください。");
        RuleFor(f => f.Description).MaximumLength(4000).WithMessage("内容は4000文字以内で入力してください。");
        RuleFor(f => f.Keywords).MaximumLength(500).WithMessage("キーワードは500文字以内で入力してください。");
    }
}

public sealed class SaveEventHandler(MemberHubDbContext db, IValidator<EventForm> validator, IAuditActor actor, TimeProvider clock, IMemberStatsRefresher refresher)
{
    /// <summary>The event's id, or the problems by field.</summary>
    public async Task<(long? Id, FluentValidation.Results.ValidationResult Validation)> HandleAsync(EventForm form, CancellationToken ct = default)
    {
        var v = await validator.ValidateAsync(form, ct);
        if (!v.IsValid) return (null, v);
        OrganisationEvent? e;
        if (form.Id is { } id)
        {
            e = await db.OrganisationEvents.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return (null, new([new FluentValidation.Results.ValidationFailure("", "イベントが見つかりません。")]));
        }
        else
        {
            e = new OrganisationEvent { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByName = actor.UserName };
            db.OrganisationEvents.Add(e);
        }
        e.Title = form.Title!.Trim();
        e.HeldOn = DateInput.TryParse(form.HeldOn)!.Value;
        e.StartTime = EventForm.ParseTime(form.StartTime);
        e.Place = Clean(form.Place);
        e.Description = Clean(form.Description);
        e.Keywords = Clean(form.Keywords);
        // A changed date moves everyone's last contact with it (MemberHubDbContext refreshes attendees only on cancel).
        var dateChanged = db.Entry(e).State == Microsoft.EntityFrameworkCore.EntityState.Modified && db.Entry(e).Property(x => x.HeldOn).IsModified;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (dateChanged) await RefreshAttendeesAsync(e.Id, ct);
        await tx.CommitAsync(ct);
        return (e.Id, v);
    }

    /// <summary>Cancelled, never deleted: the attendance stays recorded but no longer counts as contact.</summary>
    public async Task<bool> CancelAsync(long id, bool cancelled, CancellationToken ct = default)
    {
        var e = await db.OrganisationEvents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        e.IsCancelled = cancelled;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task RefreshAttendeesAsync(long eventId, CancellationToken ct)
    {
        var ids = await db.EventAttendances.Where(a => a.EventId == eventId).Select(a => a.MemberId).ToListAsync(ct);
        await refresher.RefreshAsync(db, ids, ct);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record AttendanceResult(int Added, int AlreadyThere, IReadOnlyList<string> Problems);

/// <summary>Who came: added one by one from the search or several at once by member number; removed when recorded by mistake (audited).</summary>
public sealed class AttendanceHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    public async Task<AttendanceResult> AddAsync(long eventId, IReadOnlyCollection<long> memberIds, CancellationToken ct = default)
    {
        var e = await db.OrganisationEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return new(0, 0, ["イベントが見つかりません。"]);
        if (e.IsCancelled) return new(0, 0, ["取りやめたイベントには参加を記録できません。"]);
        // Attendance is a contact on the day of the event: recorded beforehand it would be a contact in the future.
        if (e.HeldOn > JapanTime.Today(clock)) return new(0, 0, ["参加はイベントの当日から記録できます。"]);
        var existing = await db.Members.Where(m => memberIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        var already = await db.EventAttendances.Where(a => a.EventId == eventId && memberIds.Contains(a.MemberId)).Select(a => a.MemberId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var id in existing.Except(already).Distinct())
        {
            db.EventAttendances.Add(new EventAttendance { EventId = eventId, MemberId = id, RecordedAt = now, RecordedByName = actor.UserName });
            added++;
        }
        // One save: the attendances and every attendee's figures (last contact, events attended) together.
        if (added > 0) await db.SaveChangesAsync(ct);
        var problems = memberIds.Except(existing).Any() ? new[] { "見つからない会員がいました。" } : [];
        return new(added, already.Count, problems);
    }

    /// <summary>Member numbers typed or pasted in any form ("12, 15 / １８"), all or none.</summary>
    public async Task<AttendanceResult> AddByNumbersAsync(long eventId, string? text, CancellationToken ct = default)
    {
        var tokens = (text ?? "").Normalize(NormalizationForm.FormKC)
            .Split([' ', ',', '、', '，', '\n', '\r', '\t', '/', '・', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return new(0, 0, ["会員番号を入力してください。"]);
        var bad = tokens.Where(t => !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        if (bad.Count > 0) return new(0, 0, [$"会員番号として読めないものがあります：{string.Join("、", bad.Take(5))}"]);
        var numbers = tokens.Select(t => int.Parse(t, CultureInfo.InvariantCulture)).Distinct().ToList();
        var found = await db.Members.Where(m => numbers.Contains(m.MemberNumber)).Select(m => new { m.Id, m.MemberNumber }).ToListAsync(ct);
        var missing = numbers.Except(found.Select(f => f.MemberNumber)).ToList();
        if (missing.Count > 0)
            return new(0, 0, [$"この会員番号の会員はいません：{string.Join("、", missing.Take(10).Select(n => n.ToString(CultureInfo.InvariantCulture)))}（何も記録していません）"]);
        return await AddAsync(eventId, found.Select(f => f.Id).ToList(), ct);
    }

    public async Task<bool> RemoveAsync(long eventId, long attendanceId, CancellationToken ct = default)
    {
        var a = await db.EventAttendances.FirstOrDefaultAsync(x => x.Id == attendanceId && x.EventId == eventId, ct);
        if (a is null) return false;
        db.EventAttendances.Remove(a);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
