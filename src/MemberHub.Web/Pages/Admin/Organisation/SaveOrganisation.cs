using FluentValidation;
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
    public int Version { get; set; }
}

public sealed class OrganisationRequestValidator : AbstractValidator<OrganisationRequest>
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
    }
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
