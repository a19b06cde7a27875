using FluentValidation;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Messaging;
using MemberHub.Web.Pages.Dues;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Mail.Templates;

public sealed class TemplateForm
{
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public int Version { get; set; }
    /// <summary>Preview with this invoice's values ("2026-00123"); empty: sample values.</summary>
    public string? PreviewInvoiceNumber { get; set; }
}

public sealed class TemplateFormValidator : AbstractValidator<TemplateForm>
{
    public TemplateFormValidator()
    {
        RuleFor(f => f.Subject).NotEmpty().WithMessage("件名（表題）を入力してください。")
            .MaximumLength(400).WithMessage("件名（表題）は400文字以内で入力してください。");
        RuleFor(f => f.Body).NotEmpty().WithMessage("本文を入力してください。")
            .MaximumLength(20000).WithMessage("本文は20,000文字以内で入力してください。");
        RuleFor(f => f.Subject).Custom((v, c) => Unknown(v, c, "件名"));
        RuleFor(f => f.Body).Custom((v, c) => Unknown(v, c, "本文"));
    }

    private static void Unknown(string? text, ValidationContext<TemplateForm> context, string where)
    {
        // Dues and thank-you templates share one form; their fields together are what any template may use.
        var unknown = TemplateText.UnknownFields(text ?? "", DuesMergeFieldsQuery.Fields.Concat(MemberHub.Thanks.ThankYouTemplates.Fields));
        if (unknown.Count > 0)
            context.AddFailure($"{where}に使えない差し込み項目があります：{TemplateText.Describe(unknown)}。右の一覧にある項目を使ってください。");
    }
}

public sealed record TemplateRow(long Id, string Key, string Name, string Subject, string Body, DateTime UpdatedAt);

public sealed record TemplatePreview(string Subject, string Body, string Source);

public enum TemplateSaveOutcome { Saved, Invalid, Stale, NotFound }

/// <summary>文面テンプレート: the fixed set of templates (seeded by the migration), edited but never added or removed here.</summary>
public sealed class MessageTemplatesHandler(MemberHubDbContext db, IValidator<TemplateForm> validator, TimeProvider clock, DuesMergeFieldsQuery mergeFields)
{
    public Task<List<TemplateRow>> ListAsync() =>
        db.MessageTemplates.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new TemplateRow(t.Id, t.Key, t.Name, t.Subject, t.Body, t.UpdatedAt))
            .ToListAsync();

    public async Task<(TemplateRow Template, TemplateForm Form)?> FormAsync(long id)
    {
        var t = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (t is null) return null;
        return (new TemplateRow(t.Id, t.Key, t.Name, t.Subject, t.Body, t.UpdatedAt),
            new TemplateForm { Subject = t.Subject, Body = t.Body, Version = t.Version });
    }

    public async Task<(TemplateSaveOutcome, IReadOnlyList<(string Field, string Message)>)> SaveAsync(long id, TemplateForm form)
    {
        form.Subject = form.Subject?.Trim();
        form.Body = form.Body?.ReplaceLineEndings("\n");
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid) return (TemplateSaveOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());
        var t = await db.MessageTemplates.SingleOrDefaultAsync(x => x.Id == id);
        if (t is null) return (TemplateSaveOutcome.NotFound, []);
        if (t.Version != form.Version) return (TemplateSaveOutcome.Stale, []);
        t.Subject = form.Subject!;
        t.Body = form.Body!;
        t.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        t.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return (TemplateSaveOutcome.Stale, []);
        }
        return (TemplateSaveOutcome.Saved, []);
    }

    /// <summary>The text as a member would read it, with a chosen invoice's values or with sample ones.</summary>
    public async Task<(TemplatePreview? Preview, string? Error)> PreviewAsync(TemplateForm form)
    {
        IReadOnlyDictionary<string, string> values;
        string source;
        var number = form.PreviewInvoiceNumber?.Trim();
        if (!string.IsNullOrEmpty(number))
        {
            var invoiceId = await db.Invoices.AsNoTracking().Where(i => i.InvoiceNumber == number).Select(i => (long?)i.Id).FirstOrDefaultAsync();
            if (invoiceId is null) return (null, $"請求書番号「{number}」の請求書が見つかりません。");
            values = (await mergeFields.ForInvoicesAsync([invoiceId.Value]))[invoiceId.Value];
            source = $"請求書 {number} の内容で表示しています。";
        }
        else
        {
            values = await SampleAsync();
            source = "見本の値（山田 花子さん）で表示しています。";
        }
        return (new TemplatePreview(TemplateText.Render(form.Subject ?? "", values), TemplateText.Render(form.Body ?? "", values), source), null);
    }

    private async Task<IReadOnlyDictionary<string, string>> SampleAsync()
    {
        var today = JapanTime.Today(clock);
        var organisation = await db.OrganisationSettings.AsNoTracking().Select(o => o.Name).FirstOrDefaultAsync() ?? "";
        var accounts = await mergeFields.BankAccountsTextAsync();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["氏名"] = "山田 花子",
            ["会員番号"] = "123",
            ["年度"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["金額"] = new Yen(5_000).ToString(),
            ["未納額"] = new Yen(5_000).ToString(),
            ["期限"] = JapaneseFormat.Date(today.AddDays(30)),
            ["振込先"] = string.IsNullOrEmpty(accounts) ? "ゆうちょ銀行 〇一八支店 普通 1234567 トクヒ）サンプル" : accounts,
            ["請求書番号"] = $"{today.Year}-00123",
            ["団体名"] = string.IsNullOrEmpty(organisation) ? "NPO法人サンプル" : organisation,
            ["督促回数"] = "1",
            ["入金日"] = JapaneseFormat.Date(today),
            ["入会日"] = JapaneseFormat.Date(new DateOnly(2015, 4, 1)),
            ["退会日"] = JapaneseFormat.Date(today),
            ["在籍期間"] = MemberHub.Thanks.ThankYouRules.MembershipSpan(new DateOnly(2015, 4, 1), today),
            ["会費納入年度"] = "2015〜2025年度",
            ["会費合計"] = new Yen(55_000).ToString(),
            ["寄附合計"] = new Yen(30_000).ToString(),
            ["ボランティア時間"] = "48時間",
            ["貢献の内容"] = "・会費：2015〜2025年度（11年度分、合計55,000円）\n・ご寄附：合計30,000円\n・ボランティア活動：48時間",
        };
    }
}
