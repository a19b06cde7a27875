using FluentValidation;
using MemberHub.Common;
using MemberHub.Ledger;

namespace MemberHub.Web.Pages.Payments;

public sealed class DonationForm
{
    public long MemberId { get; set; }
    /// <summary>Random per form shown: a second submission of the same form records nothing (see Payment.SubmissionKey).</summary>
    public string? SubmissionKey { get; set; }
    public string? ReceivedOn { get; set; }
    public string? Amount { get; set; }
    public PaymentMethod Method { get; set; } = PaymentMethod.Cash;
    public string? PayerName { get; set; }
    public string? Note { get; set; }
}

public sealed class DonationFormValidator : AbstractValidator<DonationForm>
{
    public DonationFormValidator()
    {
        RuleFor(f => f.MemberId).GreaterThan(0).WithMessage("寄附者（会員）を選んでください。");
        RuleFor(f => f.ReceivedOn).NotEmpty().WithMessage("受領日を入力してください。")
            .Must(d => DateInput.TryParse(d) is not null).WithMessage("受領日は 2026/04/01 のように入力してください。");
        RuleFor(f => f.Amount).NotEmpty().WithMessage("寄附金額を入力してください。")
            .Must(a => Yen.TryParse(a) is { Value: > 0 }).WithMessage("寄附金額は 10,000 のように1円以上の整数で入力してください。");
        RuleFor(f => f.Method).Must(m => m is PaymentMethod.Cash or PaymentMethod.BankTransfer).WithMessage("受領方法は現金か振込を選んでください。");
        RuleFor(f => f.PayerName).MaximumLength(200).WithMessage("寄附者名（記載どおり）は200文字以内で入力してください。");
        RuleFor(f => f.Note).MaximumLength(1000).WithMessage("メモは1000文字以内で入力してください。");
    }
}

/// <summary>
/// 寄附の記録 by hand (cash handed over at an event, a transfer seen outside the bank file): a payment whose whole
/// amount is a donation of the chosen member, posted through <see cref="PaymentPostingHandler"/> like every other
/// payment, so the thank-you note and the member's figures follow from the save.
/// </summary>
public sealed class RecordDonationHandler(IValidator<DonationForm> validator, PaymentPostingHandler posting, ManualPaymentQuery members, TimeProvider clock)
{
    public DonationForm NewForm(long memberId, MemberPick? donor) => new()
    {
        MemberId = memberId,
        SubmissionKey = Guid.NewGuid().ToString("N"),
        ReceivedOn = DateInput.ToInput(JapanTime.Today(clock)),
        PayerName = donor?.Name,
    };

    public async Task<(PostingResult Result, IReadOnlyList<(string Field, string Message)> FieldErrors)> HandleAsync(DonationForm form, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(form, ct);
        var fieldErrors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var receivedOn = DateInput.TryParse(form.ReceivedOn);
        if (receivedOn is { } d && d > JapanTime.Today(clock))
            fieldErrors.Add((nameof(DonationForm.ReceivedOn), "受領日に未来の日付は入力できません。"));
        if (fieldErrors.Count > 0) return (PostingResult.Refused("入力内容を確認してください。"), fieldErrors);
        if (await members.PayeeAsync(form.MemberId, ct) is null) return (PostingResult.Refused("会員が見つかりません。"), []);
        var result = await posting.PostAsync(new PaymentToPost(form.MemberId, receivedOn!.Value, Yen.TryParse(form.Amount)!.Value, form.Method,
            form.PayerName, form.Note, [], AllocationKind.Donation, SubmissionKey: form.SubmissionKey), ct);
        return (result, []);
    }
}
