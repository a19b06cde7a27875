using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Tasks;

public sealed record TaskRow(long Id, long MemberId, int MemberNumber, string MemberName, FollowUpTaskKind Kind, string Title, string? Note,
    DateOnly DueOn, string AssignedName, bool Mine, FollowUpTaskStatus Status, DateTime? CompletedAt, string? CompletedByName, bool FromContact);

public sealed record TaskListView(IReadOnlyList<TaskRow> Rows, int Total, string Who, FollowUpTaskStatus Status, DateOnly Today, bool CanAct, bool ShowNotes);

public sealed record MemberChoice(long Id, int MemberNumber, string Name, string Kana, string? Phone);

/// <summary>フォロータスク一覧: my open tasks by default, or everybody's; overdue first by due date.</summary>
public sealed class TaskListQuery(MemberHubDbContext db, TimeProvider clock)
{
    public const int MaxRows = 300;

    public async Task<TaskListView> RunAsync(string? userId, string? who, FollowUpTaskStatus status, bool canAct, bool showNotes)
    {
        var today = JapanTime.Today(clock);
        who = who == "all" || userId is null ? "all" : "mine";
        var q = db.FollowUpTasks.AsNoTracking().Where(t => t.Status == status);
        if (who == "mine") q = q.Where(t => t.AssignedUserId == userId);
        var total = await q.CountAsync();
        q = status == FollowUpTaskStatus.Open ? q.OrderBy(t => t.DueOn).ThenBy(t => t.Id) : q.OrderByDescending(t => t.CompletedAt).ThenByDescending(t => t.Id);
        var rows = await q.Take(MaxRows)
            .Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new TaskRow(t.Id, t.MemberId, m.MemberNumber, m.Name, t.Kind, t.Title,
                showNotes ? t.Note : null, t.DueOn, t.AssignedName, t.AssignedUserId == userId, t.Status, t.CompletedAt, t.CompletedByName,
                t.ContactRecordId != null))
            .ToListAsync();
        return new TaskListView(rows, total, who, status, today, canAct, showNotes);
    }

    /// <summary>The open tasks of one member, for the member's page.</summary>
    public async Task<IReadOnlyList<TaskRow>> OfMemberAsync(long memberId, string? userId, bool showNotes) =>
        await db.FollowUpTasks.AsNoTracking().Where(t => t.MemberId == memberId && t.Status == FollowUpTaskStatus.Open)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(50)
            .Select(t => new TaskRow(t.Id, t.MemberId, 0, "", t.Kind, t.Title, showNotes ? t.Note : null, t.DueOn, t.AssignedName,
                t.AssignedUserId == userId, t.Status, t.CompletedAt, t.CompletedByName, t.ContactRecordId != null))
            .ToListAsync();

    /// <summary>Members for the task form's picker: the member search's own matching (name, kana, number, phone), ten at most.</summary>
    public async Task<IReadOnlyList<MemberChoice>> FindMembersAsync(string? q)
    {
        var patterns = SearchMembersQuery.Patterns(q).ToList();
        if (patterns.Count == 0) return [];
        var query = db.Members.AsNoTracking().Where(m => !m.IsArchived);
        foreach (var p in patterns) query = query.Where(m => EF.Functions.Like(m.SearchText, p, "\\"));
        return await query.OrderBy(m => m.SortKana).ThenBy(m => m.MemberNumber).Take(10)
            .Select(m => new MemberChoice(m.Id, m.MemberNumber, m.Name, m.NameKana, m.Phone ?? m.MobilePhone)).ToListAsync();
    }

    public Task<MemberChoice?> MemberAsync(long id) =>
        db.Members.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MemberChoice(m.Id, m.MemberNumber, m.Name, m.NameKana, m.Phone ?? m.MobilePhone)).FirstOrDefaultAsync();
}
