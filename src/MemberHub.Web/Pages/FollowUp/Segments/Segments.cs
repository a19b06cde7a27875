using System.Globalization;
using System.Text;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Segments;

public sealed record SegmentRow(long Id, string Name, string? Description, string Criteria, int Count, bool IsArchived, DateTime UpdatedAt);

public sealed record SegmentMemberRow(long Id, int MemberNumber, string Name, string NameKana, string? MemberClass, MemberStatus Status,
    string? PostalCode, string? Prefecture, string? City, SupporterClass? Class, SupporterStage? Stage, Dormancy? Dormancy,
    DateOnly? LastPaymentOn, DateOnly? LastContactOn);

public sealed record SegmentMembersPage(SegmentRow Segment, IReadOnlyList<SegmentMemberRow> Rows, int Page, int PageCount);

public enum SegmentSaveOutcome { Saved, Invalid, NotFound }

/// <summary>Saved searches: list, load, count as criteria change, save, archive, and the members of one (paged).</summary>
public sealed class SegmentsHandler(MemberHubDbContext db, SegmentChoicesQuery choices, IAuditActor actor, TimeProvider clock)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<SegmentRow>> ListAsync(bool archived, CancellationToken ct = default)
    {
        var names = await choices.GetAsync(ct);
        var segments = await db.Segments.AsNoTracking().Where(s => s.IsArchived == archived).OrderBy(s => s.Name).ToListAsync(ct);
        var rows = new List<SegmentRow>();
        foreach (var s in segments)
        {
            var criteria = SegmentCriteria.FromJson(s.CriteriaJson);
            // One COUNT per segment: an office keeps a handful of them, each answered from indexes.
            var count = await SegmentQuery.Members(db, criteria).CountAsync(ct);
            rows.Add(new SegmentRow(s.Id, s.Name, s.Description, names.Describe(criteria), count, s.IsArchived, s.UpdatedAt));
        }
        return rows;
    }

    public async Task<(Segment Segment, SegmentCriteria Criteria)?> GetAsync(long id, CancellationToken ct = default)
    {
        var s = await db.Segments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? null : (s, SegmentCriteria.FromJson(s.CriteriaJson));
    }

    public Task<int> CountAsync(SegmentCriteria criteria, CancellationToken ct = default) =>
        SegmentQuery.Members(db, criteria).CountAsync(ct);

    public async Task<(SegmentSaveOutcome Outcome, long Id, List<(string Field, string Message)> Errors)> SaveAsync(long? id, SegmentInput input,
        CancellationToken ct = default)
    {
        var (criteria, errors) = input.ToCriteria();
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0) errors.Add((nameof(SegmentInput.Name), "セグメントの名前を入力してください。"));
        else if (name.Length > 100) errors.Add((nameof(SegmentInput.Name), "名前は100文字以内で入力してください。"));
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description is { Length: > 500 }) errors.Add((nameof(SegmentInput.Description), "説明は500文字以内で入力してください。"));
        if (errors.Count > 0) return (SegmentSaveOutcome.Invalid, id ?? 0, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        Segment? segment;
        if (id is { } existing)
        {
            segment = await db.Segments.SingleOrDefaultAsync(s => s.Id == existing, ct);
            if (segment is null) return (SegmentSaveOutcome.NotFound, existing, errors);
        }
        else
        {
            segment = new Segment { CreatedAt = now, CreatedByName = actor.UserName };
            db.Segments.Add(segment);
        }
        segment.Name = name;
        segment.Description = description;
        segment.CriteriaJson = criteria.ToJson();
        segment.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (SegmentSaveOutcome.Saved, segment.Id, errors);
    }

    /// <summary>Archived segments leave the list; nothing is deleted, and mailings sent to them keep their criteria.</summary>
    public async Task<bool> SetArchivedAsync(long id, bool archived, CancellationToken ct = default)
    {
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return false;
        segment.IsArchived = archived;
        segment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<SegmentMembersPage?> MembersAsync(long id, int page, CancellationToken ct = default)
    {
        var found = await GetAsync(id, ct);
        if (found is null) return null;
        var (segment, criteria) = found.Value;
        var names = await choices.GetAsync(ct);
        var query = SegmentQuery.Members(db, criteria);
        var count = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await Rows(query).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var row = new SegmentRow(segment.Id, segment.Name, segment.Description, names.Describe(criteria), count, segment.IsArchived, segment.UpdatedAt);
        return new SegmentMembersPage(row, rows, page, pageCount);
    }

    /// <summary>Only what the list shows (no notes, hobbies or family details: the treasurer sees this page too).</summary>
    public IQueryable<SegmentMemberRow> Rows(IQueryable<Member> members) =>
        from m in members
        join st in db.MemberStats on m.Id equals st.MemberId into stats
        from s in stats.DefaultIfEmpty()
        orderby m.MemberNumber
        select new SegmentMemberRow(
            m.Id, m.MemberNumber, m.Name, m.NameKana, m.MemberClass!.Name, m.Status, m.PostalCode, m.Prefecture, m.City,
            s == null ? null : s.Class, s == null ? null : s.Stage, s == null ? null : s.Dormancy,
            s == null ? null : s.LastPaymentOn, s == null ? null : s.LastContactOn);
}

public sealed record SegmentExportFile(byte[] Content, string FileName, int Rows);

/// <summary>
/// The members of a segment as CSV for Excel (UTF-8 with BOM). Personal data leaving the system: every export is
/// audited with who, when, which segment (name and criteria) and how many people.
/// </summary>
public sealed class ExportSegmentHandler(MemberHubDbContext db, SegmentChoicesQuery choices, IAuditActor actor, TimeProvider clock)
{
    private static readonly string[] Header =
    [
        "会員番号", "氏名", "フリガナ", "会員種別", "状態", "郵便番号", "都道府県", "市区町村", "番地", "建物名",
        "電話", "携帯電話", "メール", "分類", "段階", "休眠", "最終入金日", "最終接触日", "電話不可", "メール不可", "郵送不可", "一斉メール不要",
    ];

    public async Task<SegmentExportFile?> HandleAsync(long segmentId, CancellationToken ct = default)
    {
        var segment = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == segmentId, ct);
        if (segment is null) return null;
        var criteria = SegmentCriteria.FromJson(segment.CriteriaJson);
        var rows = await SegmentQuery.Members(db, criteria).OrderBy(m => m.MemberNumber)
            .Select(m => new
            {
                m.MemberNumber, m.Name, m.NameKana, Class = m.MemberClass!.Name, m.Status, m.PostalCode, m.Prefecture, m.City, m.Street, m.Building,
                m.Phone, m.MobilePhone, m.Email, m.RefusesPhone, m.RefusesEmail, m.RefusesPost, m.NoNewsletters,
                Stats = db.MemberStats.Where(s => s.MemberId == m.Id)
                    .Select(s => new { s.Class, s.Stage, s.Dormancy, s.LastPaymentOn, s.LastContactOn }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var text = new StringBuilder();
        text.Append(CsvCell.Line(Header));
        foreach (var m in rows)
        {
            text.Append(CsvCell.Line([
                m.MemberNumber.ToString(CultureInfo.InvariantCulture), m.Name, m.NameKana, m.Class ?? "", MemberLabels.Of(m.Status),
                m.PostalCode ?? "", m.Prefecture ?? "", m.City ?? "", m.Street ?? "", m.Building ?? "",
                m.Phone ?? "", m.MobilePhone ?? "", m.Email ?? "",
                m.Stats is null ? "" : SegmentLabels.Of(m.Stats.Class), m.Stats is null ? "" : SegmentLabels.Of(m.Stats.Stage),
                m.Stats is null ? "" : SegmentLabels.Of(m.Stats.Dormancy),
                JapaneseFormat.ShortDate(m.Stats?.LastPaymentOn), JapaneseFormat.ShortDate(m.Stats?.LastContactOn),
                Flag(m.RefusesPhone), Flag(m.RefusesEmail), Flag(m.RefusesPost), Flag(m.NoNewsletters),
            ]));
        }
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var content = encoding.GetPreamble().Concat(encoding.GetBytes(text.ToString())).ToArray();

        var names = await choices.GetAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = nameof(Segment),
            EntityId = segment.Id.ToString(CultureInfo.InvariantCulture),
            Action = AuditActions.Export,
            Field = "セグメント",
            After = Trim($"「{segment.Name}」{rows.Count}件 UTF-8 条件: {names.Describe(criteria)}"),
        });
        await db.SaveChangesAsync(ct);

        var stamp = JapanTime.ToJapan(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return new SegmentExportFile(content, $"segment-{segment.Id}-{stamp}.csv", rows.Count);
    }

    private static string Flag(bool b) => b ? "○" : "";
    private static string Trim(string s) => s.Length <= 2000 ? s : s[..2000];
}

public sealed class SegmentTasksInput
{
    public FollowUpTaskKind Kind { get; set; } = FollowUpTaskKind.Call;
    public string? Title { get; set; }
    public string? DueOn { get; set; }
    public string? AssignedUserId { get; set; }
    public string? Note { get; set; }
}

public sealed record StaffChoice(string UserId, string Name);

/// <summary>
/// One follow-up task per member of a segment, in one transaction, sharing a BatchKey so the batch can be found
/// (and told apart from tasks made by hand). Withdrawn and deceased members get none.
/// </summary>
public sealed class SegmentTasksHandler(MemberHubDbContext db, UserManager<AppUser> users, IAuditActor actor, TimeProvider clock)
{
    /// <summary>Above this a batch is almost certainly a mistake (a segment without criteria); the screen says so.</summary>
    public const int MaxTasks = 5000;

    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken ct = default)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        var staff = await users.GetUsersInRoleAsync(Roles.Staff);
        return admins.Concat(staff).Where(u => u.IsActive).DistinctBy(u => u.Id)
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => new StaffChoice(u.Id, u.DisplayName)).ToList();
    }

    public async Task<(int Created, string? BatchKey, List<(string Field, string Message)> Errors)> CreateAsync(long segmentId, SegmentTasksInput input,
        CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var segment = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == segmentId, ct);
        if (segment is null) return (0, null, [("", "セグメントが見つかりません。")]);
        if (!Enum.IsDefined(input.Kind)) errors.Add((nameof(input.Kind), "種類を選んでください。"));
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) errors.Add((nameof(input.Title), "件名を入力してください。"));
        else if (title.Length > 200) errors.Add((nameof(input.Title), "件名は200文字以内で入力してください。"));
        var due = DateInput.TryParse(input.DueOn);
        if (due is null) errors.Add((nameof(input.DueOn), "期日を 2026-04-01 の形で入力してください。"));
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > 2000 }) errors.Add((nameof(input.Note), "メモは2000文字以内で入力してください。"));
        StaffChoice? assignee = null;
        if (!string.IsNullOrEmpty(input.AssignedUserId))
        {
            assignee = (await StaffAsync(ct)).FirstOrDefault(s => s.UserId == input.AssignedUserId);
            if (assignee is null) errors.Add((nameof(input.AssignedUserId), "担当者を一覧から選んでください。"));
        }
        if (errors.Count > 0) return (0, null, errors);

        var ids = await SegmentQuery.Members(db, SegmentCriteria.FromJson(segment.CriteriaJson))
            .Where(m => m.Status != MemberStatus.Withdrawn && m.Status != MemberStatus.Deceased && !m.IsArchived)
            .OrderBy(m => m.MemberNumber).Select(m => m.Id).Take(MaxTasks + 1).ToListAsync(ct);
        if (ids.Count == 0) return (0, null, [("", "このセグメントに該当する会員（退会・逝去を除く）がいないため、作成しませんでした。")]);
        if (ids.Count > MaxTasks)
            return (0, null, [("", $"該当者が{JapaneseFormat.Number(MaxTasks)}名を超えるため、一度には作成できません。条件を絞り込んでください。")]);

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = "seg-" + segmentId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
        foreach (var id in ids)
        {
            db.FollowUpTasks.Add(new FollowUpTask
            {
                MemberId = id, Kind = input.Kind, Title = title, Note = note, DueOn = due!.Value,
                AssignedUserId = assignee?.UserId, AssignedName = assignee?.Name ?? "",
                Status = FollowUpTaskStatus.Open, BatchKey = batch, CreatedAt = now, CreatedByName = actor.UserName,
            });
        }
        await db.SaveChangesAsync(ct);
        return (ids.Count, batch, errors);
    }

    public static string Label(FollowUpTaskKind k) => k switch
    {
        FollowUpTaskKind.Call => "電話する",
        FollowUpTaskKind.Visit => "訪問する",
        FollowUpTaskKind.ThankYouLetter => "お礼状",
        FollowUpTaskKind.BirthdayCard => "誕生日カード",
        FollowUpTaskKind.Email => "メールする",
        _ => "その他",
    };
}
