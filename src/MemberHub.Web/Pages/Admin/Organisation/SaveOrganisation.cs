using FluentValidation;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Organisation;
using MemberHub.Text;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.Organisation;

public sealed class OrganisationRequest
{
    public string Name { get; set; } = "";
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Representative { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int FiscalYearStartMonth { get; set; } = 4;
    public int PaymentTermDays { get; set; } = 30;
    public string TransferInstruction { get; set; } = OrganisationSettings.DefaultTransferInstruction;
    public string NonTaxableWording { get; set; } = OrganisationSettings.DefaultNonTaxableWording;
    public string? TaxRegistrationNumber { get; set; }
    public bool IsCertifiedNpo { get; set; }
    public string? CertificationNumber { get; set; }
    public string? CertifiedOn { get; set; }
    public string? CompetentAuthority { get; set; }
    public string? CertifiedUntil { get; set; }
    public int Version { get; set; }

    /// <summary>"T1234567890123" from what was typed ("t 1234-5678-90123", full-width digits …).</summary>
    public static string? TidyRegistrationNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
        return new string(s.Where(c => c == 'T' || char.IsAsciiDigit(c)).ToArray());
    }
}

public sealed partial class OrganisationRequestValidator : AbstractValidator<OrganisationRequest>
{
    public OrganisationRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("団体名を入力してください。").MaximumLength(200).WithMessage("団体名は200文字以内で入力してください。");
        RuleFor(r => r.PostalCode).Must(p => string.IsNullOrWhiteSpace(p) || Text.PostalCode.IsValid(Text.PostalCode.Tidy(p)))
            .WithMessage("郵便番号は「123-4567」の形で入力してください。");
        RuleFor(r => r.Address).MaximumLength(400).WithMessage("所在地は400文字以内で入力してください。");
        RuleFor(r => r.Representative).MaximumLength(200).WithMessage("代表者名は200文字以内で入力してください。");
        RuleFor(r => r.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.IsPlausible(p))
            .WithMessage("電話番号が正しくありません（例：03-1234-5678）。");
        RuleFor(r => r.Email).MaximumLength(254).WithMessage("メールアドレスが長すぎます。")
            .EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.Email)).WithMessage("メールアドレスの形式が正しくありません。");
        RuleFor(r => r.FiscalYearStartMonth).InclusiveBetween(1, 12).WithMessage("事業年度の開始月を選んでください。");
        RuleFor(r => r.PaymentTermDays).InclusiveBetween(1, 365).WithMessage("支払期限は1日から365日の間で入力してください。");
        RuleFor(r => r.TransferInstruction).NotEmpty().WithMessage("振込時の注意書きを入力してください。")
            .MaximumLength(500).WithMessage("振込時の注意書きは500文字以内で入力してください。");
        RuleFor(r => r.NonTaxableWording).NotEmpty().WithMessage("不課税の表示文言を入力してください。")
            .MaximumLength(300).WithMessage("不課税の表示文言は300文字以内で入力してください。");
        RuleFor(r => r.TaxRegistrationNumber)
            .Must(t => t is null || RegistrationNumberPattern().IsMatch(OrganisationRequest.TidyRegistrationNumber(t) ?? ""))
            .WithMessage("登録番号は「T」と13桁の数字で入力してください（例：T1234567890123）。");
        RuleFor(r => r.CertificationNumber).NotEmpty().When(r => r.IsCertifiedNpo).WithMessage("認定NPO法人の場合は認定番号を入力してください。")
            .MaximumLength(100).WithMessage("認定番号は100文字以内で入力してください。");
        RuleFor(r => r.CertifiedOn).Must(d => DateInput.TryParse(d) is not null).When(r => r.IsCertifiedNpo)
            .WithMessage("認定日を「2026/04/01」の形で入力してください。");
        RuleFor(r => r.CompetentAuthority).MaximumLength(100).WithMessage("所轄庁は100文字以内で入力してください。");
        RuleFor(r => r.CertifiedUntil).Must(d => DateInput.TryParse(d) is not null).When(r => r.IsCertifiedNpo && !string.IsNullOrWhiteSpace(r.CertifiedUntil))
            .WithMessage("有効期間の満了日を「2031/03/31」の形で入力してください。");
        RuleFor(r => r.CertifiedUntil).Must((r, d) => DateInput.TryParse(d) > DateInput.TryParse(r.CertifiedOn))
            .When(r => r.IsCertifiedNpo && DateInput.TryParse(r.CertifiedUntil) is not null && DateInput.TryParse(r.CertifiedOn) is not null)
            .WithMessage("有効期間の満了日は認定日より後の日にしてください。");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^T[0-9]{13}$")]
    private static partial System.Text.RegularExpressions.Regex RegistrationNumberPattern();
}

public sealed class OrganisationQuery(MemberHubDbContext db)
{
    public async Task<OrganisationRequest> GetAsync()
    {
        var o = await db.OrganisationSettings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == OrganisationSettings.SingletonId) ?? new OrganisationSettings();
        return new OrganisationRequest
        {
            Name = o.Name, PostalCode = o.PostalCode, Address = o.Address, Representative = o.Representative,
            Phone = o.Phone, Email = o.Email, FiscalYearStartMonth = o.FiscalYearStartMonth, Version = o.Version,
            PaymentTermDays = o.PaymentTermDays, TransferInstruction = o.TransferInstruction, NonTaxableWording = o.NonTaxableWording,
            TaxRegistrationNumber = o.TaxRegistrationNumber, IsCertifiedNpo = o.IsCertifiedNpo, CertificationNumber = o.CertificationNumber,
            CertifiedOn = o.CertifiedOn is { } d ? DateInput.ToInput(d) : null,
            CompetentAuthority = o.CompetentAuthority,
            CertifiedUntil = o.CertifiedUntil is { } u ? DateInput.ToInput(u) : null,
        };
    }
}

public sealed class SaveOrganisationHandler(MemberHubDbContext db, IValidator<OrganisationRequest> validator)
{
    public const string StaleMessage = "保存する前に、他の人がこの画面の内容を変更しました。最新の内容を表示しましたので、もう一度入力して保存してください。";

    /// <summary>Errors by field ("" for the whole form); empty when saved.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(OrganisationRequest request)
    {
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid) return result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        var settings = await db.OrganisationSettings.SingleOrDefaultAsync(x => x.Id == OrganisationSettings.SingletonId);
        if (settings is null)
        {
            settings = new OrganisationSettings();
            db.OrganisationSettings.Add(settings);
        }
        else
        {
            if (settings.Version != request.Version) return [("", StaleMessage)];
            // Also catches a save that lands between our read and our write.
            db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version;
        }
        settings.Name = request.Name.Trim();
        settings.PostalCode = Blank(Text.PostalCode.Tidy(request.PostalCode));
        settings.Address = Blank(request.Address);
        settings.Representative = Blank(request.Representative);
        settings.Phone = Blank(PhoneNumber.Tidy(request.Phone));
        settings.Email = Blank(request.Email);
        settings.FiscalYearStartMonth = request.FiscalYearStartMonth;
        settings.PaymentTermDays = request.PaymentTermDays;
        settings.TransferInstruction = request.TransferInstruction.Trim();
        settings.NonTaxableWording = request.NonTaxableWording.Trim();
        settings.TaxRegistrationNumber = OrganisationRequest.TidyRegistrationNumber(request.TaxRegistrationNumber);
        settings.IsCertifiedNpo = request.IsCertifiedNpo;
        settings.CertificationNumber = request.IsCertifiedNpo ? Blank(request.CertificationNumber) : null;
        settings.CertifiedOn = request.IsCertifiedNpo ? DateInput.TryParse(request.CertifiedOn) : null;
        settings.CompetentAuthority = request.IsCertifiedNpo ? Blank(request.CompetentAuthority) : null;
        settings.CertifiedUntil = request.IsCertifiedNpo ? DateInput.TryParse(request.CertifiedUntil) : null;
        settings.Version = request.Version + 1;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return [("", StaleMessage)];
        }
        return [];
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
