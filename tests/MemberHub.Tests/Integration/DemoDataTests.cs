using System.Net;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Text;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration;

/// <summary>The site started the documented demo way (Database:SeedDemoData=true) on an empty database.</summary>
public sealed class DemoMemberHubFactory : MemberHubFactory
{
    public DemoMemberHubFactory() => Settings["Database:SeedDemoData"] = "true";
}

public class DemoDataTests(DemoMemberHubFactory app) : IClassFixture<DemoMemberHubFactory>
{
    [Fact]
    public async Task About_300_realistic_members_with_contact_history_are_seeded()
    {
        app.EnsureStarted();
        await app.WithDbAsync(async db =>
        {
            var members = await db.Members.ToListAsync();
            Assert.InRange(members.Count, 290, 310);
            Assert.All(members, m => Assert.True(KanaNormalizer.IsKatakana(m.NameKana), m.NameKana));
            Assert.All(members, m => Assert.True(PostalCode.IsValid(m.PostalCode), m.PostalCode));
            Assert.All(members, m => Assert.False(string.IsNullOrEmpty(m.SearchText)));
            Assert.Equal(members.Count, members.Select(m => m.MemberNumber).Distinct().Count());
            Assert.True(members.Select(m => m.Prefecture).Distinct().Count() >= 10);
            Assert.InRange(members.Count(m => m.Kind == MemberKind.Organisation), 15, 50);
            Assert.Contains(members, m => m.Status == MemberStatus.Withdrawn);
            Assert.Contains(members, m => m.Status == MemberStatus.Suspended);
            Assert.Contains(members, m => m.Status == MemberStatus.Applying);
            Assert.Contains(members, m => m.RefusesPhone);
            Assert.Contains(members, m => m.Hobbies is not null);
            Assert.Equal(4, await db.MemberClasses.CountAsync());
            Assert.True(await db.ContactRecords.CountAsync() > 300);
            Assert.True(await db.ContactRecords.AnyAsync(c => c.FollowUpNeeded && c.FollowUpDoneAt == null));
            Assert.True(await db.MemberRelations.AnyAsync(r => r.Kind == RelationKind.Spouse));
            Assert.True(await db.MemberTags.CountAsync() > 100);
            var seq = await db.NumberSequences.SingleAsync(s => s.Name == NumberSequence.MemberNumbers);
            Assert.True(seq.NextValue > members.Max(m => m.MemberNumber));
            Assert.Equal("NPO法人 みどりの森ネットワーク", await db.OrganisationSettings.Select(o => o.Name).SingleAsync());
        });
    }

    [Fact]
    public async Task The_demo_admin_signs_in_with_the_password_made_up_at_start_and_set_up_is_skipped()
    {
        app.EnsureStarted();
        var credentials = app.Services.GetRequiredService<DemoCredentials>();
        Assert.NotNull(credentials.Password);
        Assert.True(credentials.Password!.Length >= 16);

        var client = app.CreateAnonymousClient();
        var home = await client.GetAsync("/My");
        Assert.True(home.IsRedirectToLogin(), home.Headers.Location?.OriginalString);   // not to /Setup

        await client.SignInAsync("admin@demo.memberhub.jp", credentials.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/My")).StatusCode);

        var wrong = await app.CreateAnonymousClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "staff@demo.memberhub.jp",
            ["Input.Password"] = "password1234",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        await app.WithDbAsync(async db =>
        {
            var volunteer = await db.Users.SingleAsync(u => u.Email == "volunteer@demo.memberhub.jp");
            Assert.True(await db.Members.AnyAsync(m => m.UserId == volunteer.Id));
            Assert.Equal(4, await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.memberhub.jp")));
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.memberhub.jp");
            Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == admin.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));
        });
    }

    [Fact]
    public void Two_starts_make_different_passwords() =>
        Assert.NotEqual(DemoCredentials.NewPassword(), DemoCredentials.NewPassword());
}
