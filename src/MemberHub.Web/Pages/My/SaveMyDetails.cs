using FluentValidation;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.My;

/// <summary>What a member may change about themselves: how to reach them and what they like. Not class, status, number or staff notes.</summary>
public sealed class MyForm
{
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? Building { get; set; }
    public string? Phone { get; set; }
    public string? MobilePhone { get; set; }
    public string? Email { get; set; }
    public ContactChannel? PreferredChannel { get; set; }
    public string? BestTimeToCall { get; set; }
    public bool RefusesPhone { get; set; }
    public bool RefusesEmail { get; set; }
    public bool RefusesPost { get; set; }
    public bool NoNewsletters { get; set; }
    public string? Hobbies { get; set; }
    public string? Likes { get; set; }
    public string? Dislikes { get; set; }
    public List<Weekdays> DaysOff { get; set; } = [];
    public bool ConsentToBeNamed { get; set; }
    public bool ConsentToBePhotographed { get; set; }
    public int Version { get; set; }

    public static MyForm From(Member m) => new()
    {
        PostalCode = m.PostalCode, Prefecture = m.Prefecture, City = m.City, Street = m.Street, Building = m.Building,
        Phone = m.Phone, MobilePhone = m.MobilePhone, Email = m.Email, PreferredChannel = m.PreferredChannel,
        BestTimeToCall = m.BestTimeToCall, RefusesPhone = m.RefusesPhone, RefusesEmail = m.RefusesEmail, RefusesPost = m.RefusesPost,
        NoNewsletters = m.NoNewsletters, Hobbies = m.Hobbies, Likes = m.Likes, Dislikes = m.Dislikes,
        DaysOff = MemberLabels.Days.Select(d => d.Day).Where(d => m.DaysOff.HasFlag(d)).ToList(),
        ConsentToBeNamed = m.ConsentToBeNamed, ConsentToBePhotographed = m.ConsentToBePhotographed, Version = m.Version,
    };

    public void Tidy()
    {
        PostalCode = MemberInput.Postal(PostalCode);
        Prefecture = MemberInput.Text(Prefecture);
        City = MemberInput.Text(City);
        Street = MemberInput.Text(Street);
        Building = MemberInput.Text(Building);
        Phone = MemberInput.Phone(Phone);
        MobilePhone = MemberInput.Phone(MobilePhone);
        Email = MemberInput.Email(Email);
        BestTimeToCall = MemberInput.Text(BestTimeToCall);
        Hobbies = MemberInput.Text(Hobbies);
        Likes = MemberInput.Text(Likes);
        Dislikes = MemberInput.Text(Dislikes);
    }
}

public sealed class MyFormValidator : AbstractValidator<MyForm>
{
    public MyFormValidator()
    {
        RuleFor(f => f.PostalCode).PostalCodeFormat();
        RuleFor(f => f.Prefecture).KnownPrefecture();
        RuleFor(f => f.City).Max(100);
        RuleFor(f => f.Street).Max(200);
        RuleFor(f => f.Building).Max(200);
        RuleFor(f => f.Phone).PhoneFormat();
        RuleFor(f => f.MobilePhone).PhoneFormat();
        RuleFor(f => f.Email).EmailFormat().Max(254);
        RuleFor(f => f.PreferredChannel).IsInEnum().WithMessage("連絡方法を選んでください。");
        RuleFor(f => f.BestTimeToCall).Max(200);
        RuleFor(f => f.Hobbies).Max(1000);
        RuleFor(f => f.Likes).Max(1000);
        RuleFor(f => f.Dislikes).Max(1000);
    }
}

public sealed record MyView(Member Member, string ClassName);

public enum MySaveOutcome { Saved, Invalid, Stale, NoMember }

/// <summary>
/// マイページ: the member is always the one linked to the signed-in account; no id is ever taken from the
/// request, so nobody can reach another member's data from here.
/// </summary>
public sealed class MyDetailsHandler(MemberHubDbContext db, IValidator<MyForm> validator, TimeProvider clock)
{
    public async Task<MyView?> ViewAsync(string userId)
    {
        var m = await db.Members.AsNoTracking().Include(x => x.MemberClass).FirstOrDefaultAsync(x => x.UserId == userId);
        return m is null ? null : new MyView(m, m.MemberClass?.Name ?? "");
    }

    public async Task<(MySaveOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)> SaveAsync(string userId, MyForm form)
    {
        var member = await db.Members.FirstOrDefaultAsync(x => x.UserId == userId);
        if (member is null) return (MySaveOutcome.NoMember, []);
        if (member.Version != form.Version) return (MySaveOutcome.Stale, []);
        form.Tidy();
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid) return (MySaveOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        member.PostalCode = form.PostalCode;
        member.Prefecture = form.Prefecture;
        member.City = form.City;
        member.Street = form.Street;
        member.Building = form.Building;
        member.Phone = form.Phone;
        member.MobilePhone = form.MobilePhone;
        member.Email = form.Email;
        member.PreferredChannel = form.PreferredChannel;
        member.BestTimeToCall = form.BestTimeToCall;
        member.RefusesPhone = form.RefusesPhone;
        member.RefusesEmail = form.RefusesEmail;
        member.RefusesPost = form.RefusesPost;
        member.NoNewsletters = form.NoNewsletters;
        member.Hobbies = form.Hobbies;
        member.Likes = form.Likes;
        member.Dislikes = form.Dislikes;
        member.DaysOff = form.DaysOff.Aggregate(Weekdays.None, (a, d) => a | d);
        member.ConsentToBeNamed = form.ConsentToBeNamed;
        member.ConsentToBePhotographed = form.ConsentToBePhotographed;
        member.Version++;
        member.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return (MySaveOutcome.Stale, []);
        }
        return (MySaveOutcome.Saved, []);
    }
}
