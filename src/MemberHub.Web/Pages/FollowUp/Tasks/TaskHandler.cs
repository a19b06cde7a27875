using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Tasks;

public enum TaskChange { Done, NotFound, NotOpen, Stale, Invalid }

/// <summary>The task form as typed (create and edit).</summary>
public sealed class TaskForm
{
    public long? MemberId { get; set; }
    public long? ContactRecordId { get; set; }
    public FollowUpTaskKind Kind { get; set; } = FollowUpTaskKind.Call;
    public string? Title { get; set; }
    public string? DueOn { get; set; }
    public string? AssignedUserId { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

public sealed class TaskFormValidator : AbstractValidator<TaskForm>
{
    public TaskFormValidator()
    {
        RuleFor(f => f.MemberId).NotNull().WithMessage("会員を選んでください。");
        RuleFor(f => f.Kind).IsInEnum().WithMessage("種類を選んでください。");
        RuleFor(f => f.Title).MaximumLength(200).WithMessage("件名は200文字以内で入力してください。");
        RuleFor(f => f.DueOn).NotEmpty().WithMessage("期限を入力してください。").DateFormat();
        RuleFor(f => f.AssignedUserId).NotEmpty().WithMessage("担当者を選んでください。");
        RuleFor(f => f.Note).MaximumLength(2000).WithMessage("メモは2000文字以内で入力してください。");
    }
}

public sealed record StaffUser(string Id, string Name);

public sealed record TaskSaveResult(long? TaskId, TaskChange Outcome, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// Creates, edits, completes and cancels follow-up tasks. Tasks are never deleted (取りやめ keeps them with
/// who and when); every change is audited through the interceptor (FollowUpTask is IAudited and IConcernsMember).
/// </summary>
public sealed class TaskHandler(MemberHubDbContext db, IValidator<TaskForm> validator, IAuditActor actor, TimeProvider clock)
{
    /// <summary>Admin and Staff accounts that are active: the people a task can be given to.</summary>
    public async Task<IReadOnlyList<StaffUser>> AssigneesAsync()
    {
        var office = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Admin || r.Name == Roles.Staff))).Select(ur => ur.UserId);
        return await db.Users.Where(u => u.IsActive && office.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new StaffUser(u.Id, u.DisplayName)).ToListAsync();
    }

    /// <summary>A new task's form: for a member, or from a contact record (its member, its follow-up date, its summary).</summary>
    public async Task<TaskForm?> BlankAsync(long? memberId, long? contactId)
    {
        var today = JapanTime.Today(clock);
        var form = new TaskForm { MemberId = memberId, DueOn = DateInput.ToInput(today.AddDays(7)), AssignedUserId = actor.UserId };
        if (contactId is { } cid)
        {
            var c = await db.ContactRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid);
            if (c is null) return null;
            form.MemberId = c.MemberId;
            form.ContactRecordId = c.Id;
            form.Kind = c.Channel switch
            {
                ContactChannel.Visit => FollowUpTaskKind.Visit,
                ContactChannel.Email => FollowUpTaskKind.Email,
                ContactChannel.Post => FollowUpTaskKind.ThankYouLetter,
                _ => FollowUpTaskKind.Call,
            };
            form.Title = $"{TaskLabels.Of(form.Kind)}（{JapaneseFormat.ShortDate(c.OccurredOn)}の対応のフォロー）";
            form.Note = c.Summary.Length <= 300 ? c.Summary : c.Summary[..300] + "…";
            if (c.FollowUpBy is { } by) form.DueOn = DateInput.ToInput(by < today ? today : by);
        }
        return form;
    }

    public async Task<TaskForm?> LoadAsync(long id) =>
        await db.FollowUpTasks.AsNoTracking().Where(t => t.Id == id).Select(t => new TaskForm
        {
            MemberId = t.MemberId, ContactRecordId = t.ContactRecordId, Kind = t.Kind, Title = t.Title,
            DueOn = DateInput.ToInput(t.DueOn), AssignedUserId = t.AssignedUserId, Note = t.Note, Version = t.Version,
        }).FirstOrDefaultAsync();

    public async Task<TaskSaveResult> SaveAsync(long? id, TaskForm form)
    {
        form.Title = form.Title?.Trim();
        form.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        var result = await validator.ValidateAsync(form);
        var errors = result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        if (form.MemberId is { } mid && !await db.Members.AnyAsync(m => m.Id == mid))
            errors.Add((nameof(TaskForm.MemberId), "その会員は見つかりません。"));
        var assignee = form.AssignedUserId is null ? null : (await AssigneesAsync()).FirstOrDefault(u => u.Id == form.AssignedUserId);
        if (form.AssignedUserId is not null && assignee is null)
            errors.Add((nameof(TaskForm.AssignedUserId), "担当者は管理者か事務局の利用者から選んでください。"));
        if (form.ContactRecordId is { } cid && !await db.ContactRecords.AnyAsync(c => c.Id == cid && c.MemberId == form.MemberId))
            errors.Add((nameof(TaskForm.ContactRecordId), "元の対応履歴が見つかりません。"));
        if (errors.Count > 0) return new(id, TaskChange.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        FollowUpTask task;
        if (id is { } taskId)
        {
            var found = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == taskId);
            if (found is null) return new(id, TaskChange.NotFound, []);
            if (found.Version != form.Version) return new(id, TaskChange.Stale, []);
            if (found.Status != FollowUpTaskStatus.Open) return new(id, TaskChange.NotOpen, []);
            task = found;
            task.Version++;
        }
        else
        {
            task = new FollowUpTask { MemberId = form.MemberId!.Value, ContactRecordId = form.ContactRecordId, CreatedAt = now, CreatedByName = actor.UserName };
            db.FollowUpTasks.Add(task);
        }
        task.Kind = form.Kind;
        task.Title = string.IsNullOrEmpty(form.Title) ? TaskLabels.Of(form.Kind) : form.Title;
        task.DueOn = DateInput.TryParse(form.DueOn)!.Value;
        task.AssignedUserId = assignee!.Id;
        task.AssignedName = assignee.Name;
        task.Note = form.Note;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(id, TaskChange.Stale, []);
        }
        return new(task.Id, TaskChange.Done, []);
    }

    /// <summary>完了. A task made from a contact record also closes that record's follow-up.</summary>
    public Task<TaskChange> CompleteAsync(long id) => CloseAsync(id, FollowUpTaskStatus.Done);

    /// <summary>取りやめ: kept, with who and when, never deleted.</summary>
    public Task<TaskChange> CancelAsync(long id) => CloseAsync(id, FollowUpTaskStatus.Cancelled);

    private async Task<TaskChange> CloseAsync(long id, FollowUpTaskStatus status)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return TaskChange.NotFound;
        if (task.Status != FollowUpTaskStatus.Open) return TaskChange.NotOpen;
        var now = clock.GetUtcNow().UtcDateTime;
        task.Status = status;
        task.CompletedAt = now;
        task.CompletedByName = actor.UserName;
        task.Version++;
        if (status == FollowUpTaskStatus.Done && task.ContactRecordId is { } cid
            && await db.ContactRecords.FirstOrDefaultAsync(c => c.Id == cid) is { FollowUpNeeded: true, FollowUpDoneAt: null } contact)
            contact.FollowUpDoneAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TaskChange.Stale;
        }
        return TaskChange.Done;
    }
}

public static class TaskLabels
{
    public static string Of(FollowUpTaskKind kind) => kind switch
    {
        FollowUpTaskKind.Call => "電話する",
        FollowUpTaskKind.Visit => "訪問する",
        FollowUpTaskKind.ThankYouLetter => "お礼状",
        FollowUpTaskKind.BirthdayCard => "誕生日カード",
        FollowUpTaskKind.Email => "メールする",
        _ => "その他",
    };

    public static string Of(FollowUpTaskStatus status) => status switch
    {
        FollowUpTaskStatus.Open => "未完了",
        FollowUpTaskStatus.Done => "完了",
        _ => "取りやめ",
    };
}
