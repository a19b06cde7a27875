using FluentValidation;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Setup;

public sealed class SetupRequest
{
    public string OrganisationName { get; set; } = "";
    public string AdminName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class SetupRequestValidator : AbstractValidator<SetupRequest>
{
    public SetupRequestValidator()
    {
        RuleFor(r => r.OrganisationName).NotEmpty().WithMessage("団体名を入力してください。").MaximumLength(200).WithMessage("団体名は200文字以内で入力してください。");
        RuleFor(r => r.AdminName).NotEmpty().WithMessage("管理者のお名前を入力してください。").MaximumLength(200).WithMessage("お名前は200文字以内で入力してください。");
        RuleFor(r => r.Email).NotEmpty().WithMessage("メールアドレスを入力してください。").EmailAddress().WithMessage("メールアドレスの形式が正しくありません。");
        RuleFor(r => r.Password).Must(p => (p ?? "").Length >= 12).WithMessage("パスワードは12文字以上にしてください。");
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithMessage("確認用のパスワードが一致しません。");
    }
}

public enum SetupOutcome { Done, Invalid, AlreadyDone }

/// <summary>First-run set-up: the organisation's name, the first administrator, and the usual member classes.</summary>
public sealed class CompleteSetupHandler(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IValidator<SetupRequest> validator,
    FirstRunState firstRun,
    TimeProvider clock)
{
    public async Task<bool> IsAvailableAsync() => !await db.Users.AnyAsync();

    public async Task<(SetupOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)> HandleAsync(SetupRequest request)
    {
        if (!await IsAvailableAsync()) return (SetupOutcome.AlreadyDone, []);
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid) return (SetupOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        await using var tx = await db.Database.BeginTransactionAsync();
        // Inserting the single settings row is the claim: of two set-ups posted at the same moment, the second
        // collides on its key and creates no second administrator.
        var settings = await db.OrganisationSettings.FindAsync(OrganisationSettings.SingletonId);
        if (settings is null) db.OrganisationSettings.Add(new OrganisationSettings { Name = request.OrganisationName.Trim() });
        else settings.Name = request.OrganisationName.Trim();

        if (!await db.MemberClasses.AnyAsync())
            db.MemberClasses.AddRange(DefaultMemberClasses());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return (SetupOutcome.AlreadyDone, []);
        }
        if (await db.Users.AnyAsync()) return (SetupOutcome.AlreadyDone, []);

        var user = new AppUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = request.AdminName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return (SetupOutcome.Invalid, created.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(SetupRequest.Password) : "", e.Description)).ToList());
        var role = await users.AddToRoleAsync(user, Roles.Admin);
        if (!role.Succeeded)
            return (SetupOutcome.Invalid, role.Errors.Select(e => ("", e.Description)).ToList());
        await tx.CommitAsync();

        firstRun.MarkDone();
        await signIn.SignInAsync(user, isPersistent: false);
        return (SetupOutcome.Done, []);
    }

    /// <summary>The classes most NPOs start with (DOMAIN.md §1); Admin can change them later.</summary>
    public static IEnumerable<MemberClass> DefaultMemberClasses() =>
    [
        new() { Name = "正会員（個人）", AnnualFeePerUnit = new Yen(5_000), DefaultUnits = 1, HasVote = true, SortOrder = 1 },
        new() { Name = "正会員（団体）", AnnualFeePerUnit = new Yen(10_000), DefaultUnits = 1, HasVote = true, SortOrder = 2 },
        new() { Name = "賛助会員（個人）", AnnualFeePerUnit = new Yen(3_000), DefaultUnits = 1, SortOrder = 3 },
        new() { Name = "賛助会員（団体）", AnnualFeePerUnit = new Yen(5_000), DefaultUnits = 1, SortOrder = 4 },
    ];
}
