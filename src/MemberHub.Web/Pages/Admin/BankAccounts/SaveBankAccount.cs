using FluentValidation;
using MemberHub.Billing;
using MemberHub.Data;
using MemberHub.Text;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.BankAccounts;

public sealed class BankAccountRequest
{
    public long? Id { get; set; }
    public string BankName { get; set; } = "";
    public string BranchName { get; set; } = "";
    public BankAccountType AccountType { get; set; }
    public string AccountNumber { get; set; } = "";
    public string AccountHolderKana { get; set; } = "";
    public bool PrintOnInvoice { get; set; } = true;
    public int SortOrder { get; set; }
    public int Version { get; set; }

    /// <summary>Digits only, from "１２３－４５６７" or "123 4567".</summary>
    public static string TidyNumber(string? text) =>
        new((text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>What a bank's 口座名義 may hold: katakana, the legal-form brackets and marks, digits and capital letters.</summary>
    public static bool IsHolderText(string holder) =>
        holder.Any(c => c is >= '\u30A1' and <= '\u30FA') &&
        holder.All(c => c is >= '\u30A1' and <= '\u30FA' or >= '0' and <= '9' or >= 'A' and <= 'Z'
                        || "ー・（）．，／－「」　.-/".Contains(c, StringComparison.Ordinal));

    /// <summary>口座名義 as the bank prints it: full-width katakana, whether typed in half-width kana or hiragana.</summary>
    public static string TidyHolder(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return "";
        // Half-width kana (ｶﾞ) become full-width (ガ) through NFKC; hiragana become katakana.
        var wide = KanaNormalizer.ToKatakana(s.Normalize(System.Text.NormalizationForm.FormKC));
        return wide.Replace('(', '（').Replace(')', '）').Replace(' ', '　');
    }
}

public sealed class BankAccountRequestValidator : AbstractValidator<BankAccountRequest>
{
    public BankAccountRequestValidator()
    {
        RuleFor(r => r.BankName).NotEmpty().WithMessage("銀行名を入力してください。").MaximumLength(100).WithMessage("銀行名は100文字以内で入力してください。");
        RuleFor(r => r.BranchName).NotEmpty().WithMessage("支店名を入力してください。").MaximumLength(100).WithMessage("支店名は100文字以内で入力してください。");
        RuleFor(r => r.AccountType).IsInEnum().WithMessage("預金種目を選んでください。");
        RuleFor(r => BankAccountRequest.TidyNumber(r.AccountNumber)).NotEmpty().WithMessage("口座番号を入力してください。")
            .Matches("^[0-9]{1,20}$").WithMessage("口座番号は数字だけで入力してください。").OverridePropertyName(nameof(BankAccountRequest.AccountNumber));
        RuleFor(r => BankAccountRequest.TidyHolder(r.AccountHolderKana)).NotEmpty().WithMessage("口座名義を入力してください。")
            .Must(BankAccountRequest.IsHolderText).WithMessage("口座名義はカタカナで入力してください（例：トクヒ）ミドリノモリ）。")
            .MaximumLength(100).WithMessage("口座名義は100文字以内で入力してください。")
            .OverridePropertyName(nameof(BankAccountRequest.AccountHolderKana));
        RuleFor(r => r.SortOrder).InclusiveBetween(0, 999).WithMessage("表示順は0から999の数字で入力してください。");
    }
}

public sealed record BankAccountRow(long Id, string BankName, string BranchName, string AccountType, string AccountNumber,
    string AccountHolderKana, bool PrintOnInvoice, int SortOrder, bool IsActive);

public sealed class BankAccountsQuery(MemberHubDbContext db)
{
    public async Task<IReadOnlyList<BankAccountRow>> ListAsync(CancellationToken ct = default) =>
        (await db.BankAccounts.AsNoTracking().OrderByDescending(a => a.IsActive).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct))
        .Select(a => new BankAccountRow(a.Id, a.BankName, a.BranchName, BillingLabels.Of(a.AccountType), a.AccountNumber, a.AccountHolderKana,
            a.PrintOnInvoice, a.SortOrder, a.IsActive)).ToList();

    public async Task<BankAccountRequest?> GetAsync(long id, CancellationToken ct = default)
    {
        var a = await db.BankAccounts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : new BankAccountRequest
        {
            Id = a.Id, BankName = a.BankName, BranchName = a.BranchName, AccountType = a.AccountType, AccountNumber = a.AccountNumber,
            AccountHolderKana = a.AccountHolderKana, PrintOnInvoice = a.PrintOnInvoice, SortOrder = a.SortOrder, Version = a.Version,
        };
    }
}

public enum BankAccountSaveOutcome { Saved, Invalid, NotFound, Stale }

public sealed class SaveBankAccountHandler(MemberHubDbContext db, IValidator<BankAccountRequest> validator)
{
    public const string StaleMessage = "保存する前に、他の人がこの口座を変更しました。最新の内容を表示しましたので、もう一度入力して保存してください。";

    public async Task<(BankAccountSaveOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)> SaveAsync(
        BankAccountRequest request, CancellationToken ct = default)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid) return (BankAccountSaveOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        BankAccount account;
        if (request.Id is { } id)
        {
            var found = await db.BankAccounts.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (found is null) return (BankAccountSaveOutcome.NotFound, []);
            if (found.Version != request.Version) return (BankAccountSaveOutcome.Stale, []);
            db.Entry(found).Property(a => a.Version).OriginalValue = request.Version;
            account = found;
        }
        else
        {
            account = new BankAccount { IsActive = true };
            db.BankAccounts.Add(account);
        }
        account.BankName = request.BankName.Trim();
        account.BranchName = request.BranchName.Trim();
        account.AccountType = request.AccountType;
        account.AccountNumber = BankAccountRequest.TidyNumber(request.AccountNumber);
        account.AccountHolderKana = BankAccountRequest.TidyHolder(request.AccountHolderKana);
        account.PrintOnInvoice = request.PrintOnInvoice;
        account.SortOrder = request.SortOrder;
        account.Version = request.Version + 1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (BankAccountSaveOutcome.Stale, []);
        }
        return (BankAccountSaveOutcome.Saved, []);
    }

    /// <summary>Accounts are never deleted (payments and old invoices refer to them): they are switched off and on.</summary>
    public async Task<bool> SetActiveAsync(long id, bool active, CancellationToken ct = default)
    {
        var account = await db.BankAccounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return false;
        if (account.IsActive == active) return true;
        account.IsActive = active;
        account.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
