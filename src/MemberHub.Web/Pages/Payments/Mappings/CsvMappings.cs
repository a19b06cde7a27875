using FluentValidation;
using FluentValidation.Results;
using MemberHub.Banking;
using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments.Mappings;

public sealed record CsvMappingRow(long Id, string Name, string AccountName, string Encoding, int HeaderRow, string DateColumn,
    string? AmountColumn, string? CreditColumn, string? DebitColumn, string PayerColumn, string? DescriptionColumn,
    string? BalanceColumn, bool IsArchived, DateTime CreatedAt, string CreatedByName, int Version);

/// <summary>The columns of a saved mapping as the treasurer corrects them (the name and the account stay: they key the lines).</summary>
public sealed class CsvMappingForm
{
    public string Encoding { get; set; } = "auto";
    public int HeaderRow { get; set; } = 1;
    public string? DateColumn { get; set; }
    public string? AmountColumn { get; set; }
    public string? CreditColumn { get; set; }
    public string? DebitColumn { get; set; }
    public string? PayerColumn { get; set; }
    public string? DescriptionColumn { get; set; }
    public string? BalanceColumn { get; set; }
    public int Version { get; set; }
}

public sealed class CsvMappingFormValidator : AbstractValidator<CsvMappingForm>
{
    public static readonly string[] Encodings = ["auto", "utf-8", "shift_jis"];

    public CsvMappingFormValidator()
    {
        RuleFor(f => f.Encoding).Must(e => Encodings.Contains(e)).WithMessage("文字コードは「自動」「UTF-8」「Shift_JIS」から選んでください。");
        RuleFor(f => f.HeaderRow).InclusiveBetween(1, 50).WithMessage("見出しの行は1〜50の数で入力してください。");
        RuleFor(f => f.DateColumn).NotEmpty().WithMessage("「日付」の列の見出しを入力してください。");
        RuleFor(f => f.PayerColumn).NotEmpty().WithMessage("「振込依頼人・摘要」の列の見出しを入力してください。");
        RuleFor(f => f).Must(f => !(Has(f.AmountColumn) && (Has(f.CreditColumn) || Has(f.DebitColumn))))
            .OverridePropertyName(nameof(CsvMappingForm.AmountColumn))
            .WithMessage("金額は「入出金（1列）」か「入金額・出金額（2列）」のどちらか一方で入力してください。");
        RuleFor(f => f).Must(f => Has(f.AmountColumn) || Has(f.CreditColumn) && Has(f.DebitColumn))
            .OverridePropertyName(nameof(CsvMappingForm.AmountColumn))
            .WithMessage("金額の列を入力してください：入金と出金が1列なら「入出金」、別々なら「入金額」と「出金額」の両方です。");
        foreach (var column in new System.Linq.Expressions.Expression<Func<CsvMappingForm, string?>>[] { f => f.DateColumn, f => f.AmountColumn,
                     f => f.CreditColumn, f => f.DebitColumn, f => f.PayerColumn, f => f.DescriptionColumn, f => f.BalanceColumn })
            RuleFor(column).MaximumLength(100).WithMessage("列の見出しは100文字以内で入力してください。");
    }

    private static bool Has(string? s) => !string.IsNullOrWhiteSpace(s);
}

public sealed record CsvMappingResult(bool Found, ValidationResult? Invalid = null, string? Conflict = null)
{
    public bool Succeeded => Found && Invalid is null && Conflict is null;
}

/// <summary>
/// Saved CSV mappings (保存した列の設定): listed, corrected and archived. The name and the account are not changed:
/// they are part of the keys of every line read with the mapping, which is what keeps a re-import from adding a line twice.
/// </summary>
public sealed class CsvMappingsHandler(MemberHubDbContext db, IValidator<CsvMappingForm> validator)
{
    public const string ChangedMeanwhile = "この設定は他の方が同時に変更しました。もう一度開いて確かめてください。";

    private static readonly System.Linq.Expressions.Expression<Func<BankCsvMapping, CsvMappingRow>> ToRow = m =>
        new CsvMappingRow(m.Id, m.Name, m.AccountName, m.Encoding, m.HeaderRow, m.DateColumn, m.AmountColumn, m.CreditColumn,
            m.DebitColumn, m.PayerColumn, m.DescriptionColumn, m.BalanceColumn, m.IsArchived, m.CreatedAt, m.CreatedByName, m.Version);

    public async Task<IReadOnlyList<CsvMappingRow>> ListAsync(CancellationToken ct = default) =>
        await db.BankCsvMappings.AsNoTracking().OrderBy(m => m.IsArchived).ThenBy(m => m.Name).Select(ToRow).ToListAsync(ct);

    public async Task<(CsvMappingRow Row, CsvMappingForm Form)?> GetAsync(long id, CancellationToken ct = default)
    {
        var m = await db.BankCsvMappings.AsNoTracking().Where(x => x.Id == id).Select(ToRow).SingleOrDefaultAsync(ct);
        if (m is null) return null;
        return (m, new CsvMappingForm
        {
            Encoding = m.Encoding, HeaderRow = m.HeaderRow, DateColumn = m.DateColumn, AmountColumn = m.AmountColumn,
            CreditColumn = m.CreditColumn, DebitColumn = m.DebitColumn, PayerColumn = m.PayerColumn,
            DescriptionColumn = m.DescriptionColumn, BalanceColumn = m.BalanceColumn, Version = m.Version,
        });
    }

    public async Task<CsvMappingResult> UpdateAsync(long id, CsvMappingForm form, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(form, ct);
        var mapping = await db.BankCsvMappings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mapping is null) return new CsvMappingResult(false);
        if (!validation.IsValid) return new CsvMappingResult(true, validation);
        if (mapping.Version != form.Version) return new CsvMappingResult(true, Conflict: ChangedMeanwhile);
        mapping.Encoding = form.Encoding;
        mapping.HeaderRow = form.HeaderRow;
        mapping.SetColumns(form.DateColumn!, form.AmountColumn, form.CreditColumn, form.DebitColumn, form.PayerColumn!,
            form.DescriptionColumn, form.BalanceColumn);
        mapping.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CsvMappingResult(true, Conflict: ChangedMeanwhile);
        }
        return new CsvMappingResult(true);
    }

    /// <summary>アーカイブ or back: the mapping leaves (or rejoins) the import page's list; nothing read with it changes.</summary>
    public async Task<string?> SetArchivedAsync(long id, bool archived, CancellationToken ct = default)
    {
        var mapping = await db.BankCsvMappings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mapping is null) return null;
        if (mapping.IsArchived != archived)
        {
            mapping.IsArchived = archived;
            mapping.Version++;
            await db.SaveChangesAsync(ct);
        }
        return mapping.Name;
    }
}
