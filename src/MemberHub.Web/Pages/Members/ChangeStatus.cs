using FluentValidation;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Members;

public sealed class StatusForm
{
    public MemberStatus Status { get; set; }
    public string? ChangedOn { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
}

public sealed class StatusFormValidator : AbstractValidator<StatusForm>
{
    public StatusFormValidator()
    {
        RuleFor(f => f.Status).IsInEnum().WithMessage("状態を選んでください。");
        RuleFor(f => f.ChangedOn).NotEmpty().WithMessage("日付を入力してください。").DateFormat();
        RuleFor(f => f.Reason).NotEmpty().When(f => f.Status is MemberStatus.Withdrawn or MemberStatus.Suspended)
            .WithMessage("休会・退会の場合は理由を入力してください。").Max(500);
    }
}

public enum StatusOutcome { Changed, Invalid, Stale, NotFound }

/// <summary>
/// 入会手続中 → 在籍 → 休会 / 退会 / 逝去, each with its date and reason. The audit log records it as a
/// status change (the interceptor sees Status among the changed fields). Also archiving, which only hides.
/// </summary>
public sealed class ChangeStatusHandler(MemberHubDbContext db, IValidator<StatusForm> validator, TimeProvider clock)
{
    public async Task<(Member? Member, StatusForm Form)> FormAsync(long id)
    {
        var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        return (m, new StatusForm
        {
            Status = m?.Status ?? MemberStatus.Active,
            ChangedOn = DateInput.ToInput(JapanTime.Today(clock)),
            Version = m?.Version ?? 0,
        });
    }

    public async Task<(StatusOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)> HandleAsync(long id, StatusForm form)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id);
        if (member is null) return (StatusOutcome.NotFound, []);
        if (member.Version != form.Version) return (StatusOutcome.Stale, []);
        form.Reason = MemberInput.Text(form.Reason);
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid) return (StatusOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        member.Status = form.Status;
        member.StatusChangedOn = DateInput.TryParse(form.ChangedOn)!.Value;
        member.StatusReason = form.Reason;
        try
        {
            await SaveAsync(member);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the same answer as a stale form.
            return (StatusOutcome.Stale, []);
        }
        return (StatusOutcome.Changed, []);
    }

    public async Task<bool> SetArchivedAsync(long id, bool archived)
    {
        // Archiving sets one flag to the value asked for, so a save that crossed ours is simply read again.
        for (var attempt = 0; ; attempt++)
        {
            var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id);
            if (member is null) return false;
            if (member.IsArchived == archived) return true;
            member.IsArchived = archived;
            try
            {
                await SaveAsync(member);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task SaveAsync(Member member)
    {
        member.Version++;
        member.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
