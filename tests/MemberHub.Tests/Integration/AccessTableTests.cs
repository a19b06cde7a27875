using System.Net;
using System.Reflection;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration;

/// <summary>
/// Every page and handler of the application, for an anonymous visitor and for each role: allowed or not.
/// The pages are found by reflection, so a new page without a line in <see cref="Expected"/> fails here.
/// </summary>
public class AccessTableTests(AccessTableTests.Site site) : IClassFixture<AccessTableTests.Site>
{
    private const string Anonymous = "Anonymous";
    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] AnyRole = [.. Roles.All];
    private static readonly string[] Office = [Roles.Admin, Roles.Staff, Roles.Treasurer];
    private static readonly string[] Editors = [Roles.Admin, Roles.Staff];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] PostingRoles = [Roles.Admin, Roles.Treasurer];

    /// <summary>The access rules, page by page ("/Folder/Page" or "/Folder/Page#Handler" for one handler).</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["/Index"] = AnyRole,
        ["/Error"] = Everyone,
        ["/Status"] = Everyone,
        ["/Setup/Index"] = Everyone,

        ["/Account/Login"] = Everyone,
        ["/Account/LoginWith2fa"] = Everyone,
        ["/Account/LoginWithRecoveryCode"] = Everyone,
        ["/Account/ForgotPassword"] = Everyone,
        ["/Account/ResetPassword"] = Everyone,
        ["/Account/AcceptInvitation"] = Everyone,
        ["/Account/Lockout"] = Everyone,
        ["/Account/Logout"] = Everyone,
        ["/Account/Manage/Index"] = AnyRole,
        ["/Account/Manage/ChangePassword"] = AnyRole,
        ["/Account/Manage/EnableAuthenticator"] = AnyRole,
        ["/Account/Manage/ShowRecoveryCodes"] = AnyRole,
        ["/Account/Manage/TwoFactor"] = AnyRole,

        ["/My/Index"] = AnyRole,
        ["/My/Volunteer"] = AnyRole,

        ["/Volunteers/Index"] = Editors,
        ["/Volunteers/Requests/Edit"] = Editors,
        ["/Volunteers/Requests/Details"] = Editors,
        ["/Volunteers/People/Profile"] = Editors,
        ["/Volunteers/Equipment/Index"] = Editors,
        ["/Volunteers/Equipment/Item"] = Editors,
        ["/Volunteers/Goals/Index"] = Editors,
        ["/Volunteers/Goals/Print"] = Editors,
        ["/Volunteers/Areas/Index"] = AdminOnly,

        ["/Members/Index"] = Office,
        ["/Members/Details"] = Office,
        ["/Members/Create"] = Editors,
        ["/Members/Edit"] = Editors,
        ["/Members/Status"] = Editors,
        ["/Members/Links"] = Editors,
        ["/Members/ContactHistory"] = Editors,
        ["/Members/Export"] = Editors,
        ["/Members/Import"] = Editors,

        ["/Admin/Index"] = AdminOnly,
        ["/Admin/Organisation/Index"] = AdminOnly,
        ["/Admin/Users/Index"] = AdminOnly,
        ["/Admin/Users/Edit"] = AdminOnly,
        ["/Admin/Users/Invite"] = AdminOnly,
        ["/Admin/MemberClasses/Index"] = AdminOnly,
        ["/Admin/MemberClasses/Edit"] = AdminOnly,
        ["/Admin/Tags/Index"] = AdminOnly,

        // Collection: Finance (Admin, Staff, Treasurer) views; Billing (Admin, Staff) sends and decides; Posting (Admin, Treasurer) moves money.
        ["/Dues/Index"] = Office,
        ["/Dues/Overdue/Index"] = Office,
        ["/Dues/Overdue/Send"] = Editors,
        ["/Dues/Lapse/Index"] = Office,
        ["/Dues/Lapse/Confirm"] = Editors,
        ["/Dues/Lapse/Settings"] = AdminOnly,
        ["/Payments/Manual"] = PostingRoles,
        ["/Payments/Details"] = Office,
        ["/Payments/Reverse"] = PostingRoles,
        ["/Payments/Donation"] = PostingRoles,
        ["/Payments/DonorRegister/Index"] = PostingRoles,
        ["/Payments/Receipts/Index"] = Office,
        ["/Payments/Receipts/Pdf"] = Office,
        ["/Payments/Receipts/Issue"] = PostingRoles,
        ["/Payments/Receipts/Void"] = PostingRoles,
        ["/Payments/Receipts/Annual"] = PostingRoles,
        ["/Mail/Index"] = Office,
        ["/Mail/Details"] = Office,
        ["/Mail/Change"] = Editors,
        ["/Mail/Templates/Index"] = Office,
        ["/Mail/Templates/Edit"] = Editors,
        ["/Mail/Thanks/Index"] = Office,
        ["/Mail/Thanks/Preview"] = Office,
        ["/Mail/Thanks/Letter"] = Office,
        ["/Mail/Thanks/Act"] = Editors,
        ["/Dues/Runs/Email"] = Editors,
        ["/Dues/Invoices/Email"] = Editors,
        ["/Payments/Index"] = Office,
        ["/Payments/Import"] = PostingRoles,
        ["/Payments/Imports/Index"] = Office,
        ["/Payments/Imports/Details"] = Office,
        ["/Payments/Imports/Decide"] = PostingRoles,
        ["/Payments/Aliases"] = PostingRoles,
        ["/Payments/Mappings/Index"] = PostingRoles,
        ["/Payments/Mappings/Edit"] = PostingRoles,
        ["/Payments/AutoPosting/Index"] = PostingRoles,
        ["/Dues/Runs/Index"] = Office,
        ["/Dues/Runs/Create"] = Editors,
        ["/Dues/Runs/Details"] = Office,
        ["/Dues/Invoices/Index"] = Office,
        ["/Dues/Invoices/Details"] = Office,
        ["/Dues/Invoices/Issue"] = Editors,
        ["/Dues/Invoices/Cancel"] = Editors,
        ["/Dues/Invoices/WriteOff"] = Office,
        ["/Admin/BankAccounts/Index"] = AdminOnly,
        ["/Admin/BankAccounts/Edit"] = AdminOnly,

        ["/My/InvoicePdf"] = AnyRole,
        ["/Dues/Invoices/Pdf"] = Office,
        ["/Dues/Runs/Documents"] = Office,
        ["/Dues/Runs/PrintInvoices"] = Editors,
        ["/Dues/Runs/MarkPosted"] = Editors,
        ["/Dues/Documents/Progress"] = Office,
        ["/Dues/Documents/Download"] = Office,

        // Follow-up: the office reads (the treasurer without personal notes); Admin and Staff act.
        ["/FollowUp/Index"] = Office,
        ["/FollowUp/Done"] = Editors,
        ["/FollowUp/Caller"] = Office,
        ["/FollowUp/CallRecord"] = Editors,
        ["/FollowUp/Tasks/Index"] = Office,
        ["/FollowUp/Tasks/Edit"] = Editors,
        ["/FollowUp/Tasks/Change"] = Editors,
        // Follow-up: the office sees figures, rules and events; Admin sets the rules; Admin and Staff record.
        ["/FollowUp/Rules/Index"] = Office,
        ["/FollowUp/Rules/Edit"] = AdminOnly,
        ["/FollowUp/Record/KeepMailing"] = Editors,
        ["/FollowUp/Events/Index"] = Office,
        ["/FollowUp/Events/Details"] = Office,
        ["/FollowUp/Events/Edit"] = Editors,
        ["/FollowUp/Events/Attendance"] = Editors,
        ["/FollowUp/Dashboard/Index"] = Office,
        // Segments: the treasurer sees them and their members; editing, export, bulk tasks, mailings and suggestions are the office's.
        ["/FollowUp/Segments/Index"] = Office,
        ["/FollowUp/Segments/Members"] = Office,
        ["/FollowUp/Segments/Edit"] = Editors,
        ["/FollowUp/Segments/Export"] = Editors,
        ["/FollowUp/Segments/Tasks"] = Editors,
        ["/FollowUp/Mailings/Index"] = Editors,
        ["/FollowUp/Mailings/Edit"] = Editors,
        ["/FollowUp/Mailings/Details"] = Editors,
        ["/FollowUp/Suggestions/Index"] = Editors,
        // 配信停止 links in newsletters work without signing in (the signed token is the authority).
        ["/Unsubscribe/Index"] = Everyone,
        ["/Unsubscribe/OneClick"] = Everyone,
    };

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (page, verb, handler) in Handlers())
            foreach (var who in Everyone)
                data.Add(page, verb, handler, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_and_handler_admits_exactly_the_roles_it_should(string page, string verb, string handler, string who)
    {
        var allowed = Expected.GetValueOrDefault(page + "#" + handler) ?? Expected.GetValueOrDefault(page);
        Assert.True(allowed is not null, $"{page} has no access rule in AccessTableTests.Expected: add one (and to AccessRules if it needs a policy).");

        var client = await site.ClientForAsync(who);
        var url = await site.UrlForAsync(page) + (handler.Length > 0 ? (site.UrlHasQuery(page) ? "&" : "?") + "handler=" + handler : "");
        var response = verb == "GET"
            ? await client.GetAsync(url)
            : await client.PostAsync(url, new FormUrlEncodedContent([]));
        var status = response.StatusCode;
        var toLogin = response.IsRedirectToLogin();

        if (allowed.Contains(who))
        {
            Assert.False(toLogin || status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized,
                $"{who} should be admitted to {verb} {url} but got {(int)status} {response.Headers.Location}");
        }
        else if (who == Anonymous)
        {
            Assert.True(toLogin, $"an anonymous {verb} {url} should be sent to sign in, got {(int)status}");
        }
        else
        {
            Assert.True(status == HttpStatusCode.Forbidden, $"{who} should get 403 on {verb} {url}, got {(int)status} {response.Headers.Location}");
        }
    }

    [Fact]
    public void Every_rule_in_the_table_names_a_page_that_exists()
    {
        var pages = Handlers().Select(h => h.Page).ToHashSet();
        var stale = Expected.Keys.Select(k => k.Split('#')[0]).Where(p => !pages.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "rules for pages that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Every Razor page compiled into the web assembly (found through its RazorCompiledItem attributes, so the
    /// page path is the file's, whatever its model is called) and the handler methods of its model.
    /// </summary>
    private static IEnumerable<(string Page, string Verb, string Handler)> Handlers()
    {
        var pages = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(a => a.Kind == "mvc.1.0.razor-page")
            .OrderBy(a => a.Identifier, StringComparer.Ordinal);
        foreach (var item in pages)
        {
            var page = item.Identifier["/Pages".Length..^".cshtml".Length];
            var model = item.Type.GetProperty("Model")?.PropertyType ?? typeof(PageModel);
            var seen = new HashSet<(string, string)>();
            for (var t = model; t is not null && t != typeof(PageModel) && t != typeof(object); t = t.BaseType)
            {
                foreach (var m in t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    var name = m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name;
                    foreach (var verb in new[] { "Get", "Post" })
                    {
                        if (!name.StartsWith("On" + verb, StringComparison.Ordinal)) continue;
                        var handler = name[(2 + verb.Length)..];
                        if (seen.Add((verb, handler))) yield return (page, verb.ToUpperInvariant(), handler);
                    }
                }
            }
        }
    }

    /// <summary>The site with one user per role and a member, a class and a user that pages with an id can show.</summary>
    public sealed class Site : MemberHubFactory
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private readonly Dictionary<string, HttpClient> _clients = [];
        private long? _memberId;
        private long? _classId;
        private string? _userId;

        public async Task<HttpClient> ClientForAsync(string who)
        {
            await _lock.WaitAsync();
            try
            {
                if (_clients.TryGetValue(who, out var c)) return c;
                EnsureStarted();
                if (_clients.Count == 0)
                {
                    // A first user, so the site is past first-run set-up for the anonymous visitor too.
                    var first = await CreateUserAsync(Roles.Admin);
                    _userId = first.Id;
                }
                c = who == "Anonymous" ? CreateAnonymousClient() : (await SignInAsAsync(who)).Http;
                _clients[who] = c;
                return c;
            }
            finally { _lock.Release(); }
        }

        public bool UrlHasQuery(string page) => false;

        public async Task<string> UrlForAsync(string page)
        {
            var template = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath == page)
                .Select(e => e.RoutePattern)
                .OrderBy(p => p.PathSegments.Count)
                .First();
            var parts = new List<string>();
            foreach (var segment in template.PathSegments)
            {
                var text = "";
                foreach (var part in segment.Parts)
                {
                    text += part switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => await ValueForAsync(page, p.Name),
                        _ => "",
                    };
                }
                if (text.Length > 0) parts.Add(text);
            }
            return "/" + string.Join('/', parts);
        }

        private async Task<string> ValueForAsync(string page, string parameter)
        {
            if (page.StartsWith("/Admin/Users", StringComparison.Ordinal)) return _userId!;
            // A member (whose builder also makes its class) for pages with a member or class id.
            _memberId ??= (await new MemberBuilder().CreateAsync(this)).Id;
            if (page.StartsWith("/Admin/MemberClasses", StringComparison.Ordinal))
                return (_classId ??= await WithDbAsync(db => db.MemberClasses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync())).ToString();
            return _memberId.Value.ToString();
        }
    }
}
