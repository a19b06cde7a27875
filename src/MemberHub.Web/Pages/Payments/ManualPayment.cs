using FluentValidation;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments;

public sealed class ManualPaymentForm
{
    public long MemberId { get; set; }
    /// <summary>Random per form shown; the payment keeps it, so a second submission of the same form records nothing.</summary>
    public string? SubmissionKey { get; set; }
    public string? ReceivedOn { get; set; }
    public string? Amount { get; set; }
    public PaymentMethod Method { get; set; } = PaymentMethod.Cash;
    public string? PayerName { get; set; }
    public string? Note { get; set; }
    /// <summary>One row per open invoice; all blank means "oldest first".</summary>
    public List<InvoiceShareInput> Invoices { get; set; } = [];
    public AllocationKind RestAs { get; set; } = AllocationKind.Donation;
}

public sealed class InvoiceShareInput
{
    public long InvoiceId { get; set; }
    public string? Amount { get; set; }
}

public sealed class ManualPaymentFormValidator : AbstractValidator<ManualPaymentForm>
{
    public ManualPaymentFormValidator()
    {
        RuleFor(f => f.MemberId).GreaterThan(0).WithMessage("会員を選んでください。");
        RuleFor(f => f.ReceivedOn).NotEmpty().WithMessage("入金日を入力してください。")
            .Must(d => DateInput.TryParse(d) is not null).WithMessage("入金日は 2026/04/01 のように入力してください。");
        RuleFor(f => f.Amount).NotEmpty().WithMessage("入金額を入力してください。")
            .Must(a => Yen.TryParse(a) is { Value: > 0 }).WithMessage("入金額は 5,000 のように1円以上の整数で入力してください。");
        RuleFor(f => f.Method).IsInEnum().WithMessage("入金方法を選んでください。");
        RuleFor(f => f.PayerName).MaximumLength(200).WithMessage("支払者名は200文字以内で入力してください。");
        RuleFor(f => f.Note).MaximumLength(1000).WithMessage("メモは1000文字以内で入力してください。");
        RuleFor(f => f.RestAs).Must(k => k is AllocationKind.Donation or AllocationKind.OtherIncome or AllocationKind.ToRefund)
            .WithMessage("残額の扱いを選んでください。");
        RuleForEach(f => f.Invoices).ChildRules(r => r.RuleFor(s => s.Amount)
            .Must(a => string.IsNullOrWhiteSpace(a) || Yen.TryParse(a) is { Value: >= 0 })
            .WithMessage("充当額は 5,000 のように0以上の整数で入力してください。"));
    }
}

public sealed record MemberPick(long Id, int MemberNumber, string Name, string NameKana, MemberStatus Status);

public sealed record OpenInvoiceRow(long Id, string InvoiceNumber, int FiscalYear, DateOnly DueOn, Yen Total, Yen PaidAmount, InvoiceStatus Status)
{
    public Yen Balance => Total - PaidAmount;
}

public sealed record ManualPayee(MemberPick Member, IReadOnlyList<OpenInvoiceRow> OpenInvoices);

public sealed record PaymentListRow(
    long Id, DateOnly ReceivedOn, Yen Amount, PaymentMethod Method, long? MemberId, string? MemberName, int? MemberNumber,
    string? PayerName, string CreatedByName, DateTime CreatedAt, long? ReversedByPaymentId, string Allocations);

/// <summary>What the manual-payment page shows: members to pick, a member's open invoices, recent manual payments.</summary>
public sealed class ManualPaymentQuery(MemberHubDbContext db, SearchMembersQuery members)
{
    public async Task<IReadOnlyList<MemberPick>> FindMembersAsync(string? q, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(q)) return [];
        var result = await members.RunAsync(new MemberSearch { Q = q, Archived = true }, ct);
        return result.Rows.Take(10).Select(r => new MemberPick(r.Id, r.MemberNumber, r.Name, r.NameKana, r.Status)).ToList();
    }

    public async Task<ManualPayee?> PayeeAsync(long memberId, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new MemberPick(m.Id, m.MemberNumber, m.Name, m.NameKana, m.Status)).SingleOrDefaultAsync(ct);
        if (member is null) return null;
        var open = await db.Invoices.AsNoTracking()
            .Where(i => i.MemberId == memberId && (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid))
            .OrderBy(i => i.FiscalYear).ThenBy(i => i.DueOn).ThenBy(i => i.Id)
            .Select(i => new OpenInvoiceRow(i.Id, i.InvoiceNumber, i.FiscalYear, i.DueOn, i.Total, i.PaidAmount, i.Status))
            .ToListAsync(ct);
        return new ManualPayee(member, open);
    }

    /// <summary>Payments entered by hand (not from a bank file), newest first, reversals left out (they show on the original).</summary>
    public async Task<IReadOnlyList<PaymentListRow>> RecentAsync(long? memberId = null, int take = 20, CancellationToken ct = default)
    {
        var query = db.Payments.AsNoTracking().Where(p => p.BankLineId == null && p.ReversesPaymentId == null);
        if (memberId is { } id) query = query.Where(p => p.MemberId == id);
        var rows = await query
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(take)
            .Select(p => new
            {
                p.Id, p.ReceivedOn, p.Amount, p.Method, p.MemberId, p.PayerName, p.CreatedByName, p.CreatedAt, p.ReversedByPaymentId,
                Member = db.Members.Where(m => m.Id == p.MemberId).Select(m => new { m.Name, m.MemberNumber }).FirstOrDefault(),
                Allocations = p.Allocations.Select(a => new
                {
                    a.Kind, a.Amount,
                    Number = db.Invoices.Where(i => i.Id == a.InvoiceId).Select(i => i.InvoiceNumber).FirstOrDefault(),
                }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new PaymentListRow(r.Id, r.ReceivedOn, r.Amount, r.Method, r.MemberId, r.Member?.Name, r.Member?.MemberNumber,
            r.PayerName, r.CreatedByName, r.CreatedAt, r.ReversedByPaymentId,
            string.Join("、", r.Allocations.Select(a => a.Kind == AllocationKind.Dues ? $"{a.Number} {a.Amount}" : $"{LedgerLabels.Of(a.Kind)} {a.Amount}"))))
            .ToList();
    }
}

/// <summary>
/// 入金の記録 by hand (cash at the office, a transfer seen outside the bank file): reads the form, fills in
/// the oldest-first split when no amounts were typed, and posts through <see cref="PaymentPostingHandler"/>.
/// </summary>
public sealed class RecordManualPaymentHandler(IValidator<ManualPaymentForm> validator, PaymentPostingHandler posting, ManualPaymentQuery query, TimeProvider clock)
{
    public ManualPaymentForm NewForm(long memberId, ManualPayee? payee) => new()
    {
        MemberId = memberId,
        SubmissionKey = Guid.NewGuid().ToString("N"),
        ReceivedOn = DateInput.ToInput(JapanTime.Today(clock)),
        PayerName = payee?.Member.Name,
        Invoices = payee?.OpenInvoices.Select(i => new InvoiceShareInput { InvoiceId = i.Id }).ToList() ?? [],
    };

    public async Task<(PostingResult Result, IReadOnlyList<(string Field, string Message)> FieldErrors)> HandleAsync(ManualPaymentForm form, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(form, ct);
        var fieldErrors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var receivedOn = DateInput.TryParse(form.ReceivedOn);
        if (receivedOn is { } d && d > JapanTime.Today(clock))
            fieldErrors.Add((nameof(ManualPaymentForm.ReceivedOn), "入金日に未来の日付は入力できません。"));
        if (fieldErrors.Count > 0) return (PostingResult.Refused("入力内容を確認してください。"), fieldErrors);

        var payee = await query.PayeeAsync(form.MemberId, ct);
        if (payee is null) return (PostingResult.Refused("会員が見つかりません。"), []);
        var amount = Yen.TryParse(form.Amount)!.Value;
        var typed = form.Invoices.Where(s => !string.IsNullOrWhiteSpace(s.Amount))
            .Select(s => new InvoiceShare(s.InvoiceId, Yen.TryParse(s.Amount)!.Value)).ToList();
        var shares = typed.Count > 0
            ? typed
            : PaymentAllocator.OldestFirst(amount, payee.OpenInvoices.Select(i => new OpenInvoice(i.Id, i.FiscalYear, i.DueOn, i.Balance)));
        var result = await posting.PostAsync(new PaymentToPost(form.MemberId, receivedOn!.Value, amount, form.Method,
            form.PayerName, form.Note, shares, form.RestAs, SubmissionKey: form.SubmissionKey), ct);
        return (result, []);
    }
}
