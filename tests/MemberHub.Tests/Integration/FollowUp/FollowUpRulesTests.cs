using System.Net;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>Changing the rules and the passing of days re-place people; a site of its own, as the rules apply to everyone.</summary>
public class FollowUpRulesTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task Admin_changes_the_rules_and_everyone_is_placed_again_in_the_background()
    {
        var member = await new MemberBuilder().JoinedOn(new DateOnly(2020, 4, 1)).CreateAsync(app);
        await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 3, 1), 5_000));
        Assert.Equal(Dormancy.Active, await DormancyAsync(member.Id));

        var staff = await app.SignInAsAsync(Roles.Staff);
        var rules = await staff.Http.GetDocumentAsync("/FollowUp/Rules");
        Assert.Contains("12か月", rules.Text("#rules"));
        Assert.Null(rules.QuerySelector("#edit-rules"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/FollowUp/Rules/Edit")).StatusCode);

        var admin = await app.SignInAsAsync(Roles.Admin);
        var bad = await admin.Http.SubmitFormAsync("/FollowUp/Rules/Edit", new Dictionary<string, string>
        {
            ["Input.DormantAfterMonths"] = "36", ["Input.StopMailingAfterMonths"] = "36", ["Input.LoyalMinYears"] = "五",
        }, "#rules-form");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var body = await bad.BodyAsync();
        Assert.Contains("数字だけで入力してください", body);
        Assert.False(await app.WithDbAsync(db => db.FollowUpSettings.AnyAsync()));
        var longer = await admin.Http.SubmitFormAsync("/FollowUp/Rules/Edit", new Dictionary<string, string>
        {
            ["Input.DormantAfterMonths"] = "36", ["Input.StopMailingAfterMonths"] = "36",
        }, "#rules-form");
        Assert.Contains("休眠とみなす期間より長く", await longer.BodyAsync());

        var saved = await admin.Http.SubmitFormAsync("/FollowUp/Rules/Edit", new Dictionary<string, string>
        {
            ["Input.DormantAfterMonths"] = "６",
        }, "#rules-form");
        saved.AssertRedirectTo("/FollowUp/Rules");

        // The worker places everyone again; the page says when it is done.
        for (var i = 0; i < 300 && await DormancyAsync(member.Id) != Dormancy.Dormant; i++) await Task.Delay(100);
        Assert.Equal(Dormancy.Dormant, await DormancyAsync(member.Id));
        var page = await admin.Http.GetDocumentAsync("/FollowUp/Rules");
        Assert.Contains("6か月", page.Text("#rules"));
        for (var i = 0; i < 300 && page.QuerySelector("#reclass-done") is null; i++)
        {
            await Task.Delay(100);
            page = await admin.Http.GetDocumentAsync("/FollowUp/Rules");
        }
        Assert.NotNull(page.QuerySelector("#reclass-done"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FollowUpSettings) && a.UserId == admin.User.Id)));

        // Back to the defaults for the other test of this site.
        (await admin.Http.SubmitFormAsync("/FollowUp/Rules/Edit", new Dictionary<string, string> { ["Input.DormantAfterMonths"] = "12" }, "#rules-form"))
            .AssertRedirectTo("/FollowUp/Rules");
        for (var i = 0; i < 300 && await DormancyAsync(member.Id) != Dormancy.Active; i++) await Task.Delay(100);
    }

    [Fact]
    public async Task The_daily_refresh_places_people_again_as_days_pass()
    {
        var today = MemberHub.Common.JapanTime.Today(app.Clock);
        var quiet = await new MemberBuilder().JoinedOn(new DateOnly(2018, 4, 1)).CreateAsync(app);
        await app.PostAsync(CollectionTestKit.Cash(quiet.Id, today.AddMonths(-12).AddDays(3), 5_000));
        var recent = await new MemberBuilder().JoinedOn(new DateOnly(2018, 4, 1)).CreateAsync(app);
        await app.PostAsync(CollectionTestKit.Cash(recent.Id, today.AddMonths(-1), 5_000));
        Assert.Equal(Dormancy.Active, await DormancyAsync(quiet.Id));

        app.Clock.Advance(TimeSpan.FromDays(4));
        await app.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DailyPlacementRefresh>().RunAsync(sp.GetRequiredService<MemberHub.Data.MemberHubDbContext>()));

        Assert.Equal(Dormancy.Dormant, await DormancyAsync(quiet.Id));
        Assert.Equal(Dormancy.Active, await DormancyAsync(recent.Id));
        var days = await app.WithDbAsync(db => db.MemberStats.Where(s => s.MemberId == recent.Id).Select(s => s.ClassifiedOn).SingleAsync());
        Assert.Equal(MemberHub.Common.JapanTime.Today(app.Clock), days);
    }

    private Task<Dormancy> DormancyAsync(long memberId) =>
        app.WithDbAsync(db => db.MemberStats.Where(s => s.MemberId == memberId).Select(s => s.Dormancy).SingleAsync());
}
