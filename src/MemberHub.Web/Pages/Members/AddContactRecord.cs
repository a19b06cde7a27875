using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Members;

/// <summary>One line of 対応履歴 as typed on the member's page.</summary>
public sealed class ContactForm
{
    public string? OccurredOn { get; set; }
    public ContactChannel Channel { get; set; } = ContactChannel.Phone;
    public string? Summary { get; set; }
    public bool FollowUpNeeded { get; set; }
    public string? FollowUpBy { get; set; }

    public static ContactForm Blank(TimeProvider clock) => new() { OccurredOn = DateInput.ToInput(JapanTime.Today(clock)) };
}

public sealed class ContactFormValidator : AbstractValidator<ContactForm>
{
    public ContactFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.OccurredOn).NotEmpty().WithMessage("対応日を入力してください。").DateFormat()
            .Must(v => DateInput.TryParse(v) is not { } d || d <= JapanTime.Today(clock)).WithMessage("対応日が未来の日付になっています。");
        RuleFor(f => f.Channel).IsInEnum().WithMessage("方法を選んでください。");
        RuleFor(f => f.Summary).NotEmpty().WithMessage("内容を入力してください。").Max(4000);
        RuleFor(f => f.FollowUpBy).NotEmpty().When(f => f.FollowUpNeeded).WithMessage("フォローが必要な場合は期限を入力してください。").DateFormat()
            .Must((f, v) => DateInput.TryParse(v) is not { } by || DateInput.TryParse(f.OccurredOn) is not { } on || by >= on)
            .WithMessage("期限は対応日以降の日付にしてください。");
    }
}

public sealed record AddContactResult(bool Found, IReadOnlyList<(string Field, string Message)> Errors);

public sealed class AddContactRecordHandler(MemberHubDbContext db, IValidator<ContactForm> validator, IAuditActor actor, TimeProvider clock)
{
    public async Task<AddContactResult> HandleAsync(long memberId, ContactForm form)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId)) return new(false, []);
        form.Summary = form.Summary?.Trim();
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid) return new(true, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        db.ContactRecords.Add(new ContactRecord
        {
            MemberId = memberId,
            OccurredOn = DateInput.TryParse(form.OccurredOn)!.Value,
            Channel = form.Channel,
            StaffUserId = actor.UserId,
            StaffName = actor.UserName,
            Summary = form.Summary!,
            FollowUpNeeded = form.FollowUpNeeded,
            FollowUpBy = form.FollowUpNeeded ? DateInput.TryParse(form.FollowUpBy) : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return new(true, []);
    }
}
