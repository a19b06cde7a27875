using System.Net;
using Microsoft.Playwright;

namespace MemberHub.Tests.Support;

/// <summary>
/// The real site on a real loopback port (Kestrel, not the in-memory TestServer) with its own migrated
/// SQLite database, and one headless Chromium driven by Playwright. One per browser test class
/// (IClassFixture&lt;BrowserSite&gt;), so classes run in parallel without sharing users or data.
/// Uses Debian's Chromium, not a browser downloaded by `playwright install`: the Playwright package
/// brings its own driver (node + the driver package, copied to the test output), nothing else is needed.
/// </summary>
public class BrowserSite : MemberHubFactory, IAsyncLifetime
{
    /// <summary>Where Chromium is; MEMBERHUB_CHROMIUM may point elsewhere (another distribution, a local build).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("MEMBERHUB_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        // The browser's own language decides how date inputs are drawn (2026/11/23, not 11/23/2026).
        "--lang=ja-JP",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _tabsPerTest = new();

    public BrowserSite()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The site's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests need it: run `bash .ci/setup-machine` " +
                "(installs chromium and fonts-noto-cjk through apt-get), or set MEMBERHUB_CHROMIUM to a Chromium binary.");

        // Expect(...) waits 5 s by default; the test machines are small and shared, and the whole suite runs at once on
        // two cores (a sign-in once took more than 20 s there). A real failure only takes longer to report.
        Assertions.SetDefaultExpectTimeout(20_000);

        StartServer();
        BaseUrl = ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser profile (no cookies) with a tab at laptop size, in Japanese, on Japan time.</summary>
    public Task<BrowserTab> OpenAsync() => OpenAsync(BrowserTab.Laptop);

    /// <summary>A fresh profile on a phone-sized screen (390×844, touch, 2× pixels).</summary>
    public Task<BrowserTab> OpenPhoneAsync() => OpenAsync(BrowserTab.Phone);

    public async Task<BrowserTab> OpenAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions(options) { BaseURL = options.BaseURL ?? BaseUrl.ToString() });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(40_000);
        var page = await context.NewPageAsync();
        var test = TestContext.Current.TestMethod?.MethodName ?? "tab";
        var n = _tabsPerTest.AddOrUpdate(test, 1, (_, c) => c + 1);
        return new BrowserTab(context, page, n == 1 ? test : $"{test}-{n}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One browser profile with one page, plus what tests need around it: screenshots, sign-in, error tracking.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    public static BrowserNewContextOptions Laptop => new()
    {
        Locale = "ja-JP",
        TimezoneId = "Asia/Tokyo",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    public static BrowserNewContextOptions Phone => new()
    {
        Locale = "ja-JP",
        TimezoneId = "Asia/Tokyo",
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    private readonly List<string> _errors = [];

    private readonly string _name;

    public BrowserTab(IBrowserContext context, IPage page, string name)
    {
        _name = name;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add($"script error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            // A missing stylesheet, script or htmx fragment is a broken page even when the test's text checks pass.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                _errors.Add($"{response.Request.Method} {response.Url} answered {response.Status}");
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Uncaught script errors and failed sub-resource requests seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public void AssertNoBrowserErrors() => Assert.True(_errors.Count == 0, "the browser saw errors:\n" + string.Join("\n", _errors));

    /// <summary>Saves a full-page PNG as artifacts/screenshots/{name}.png at the repository root and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Screenshots.Folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    /// <summary>Signs in through the real login form and waits until the site has moved on from it.</summary>
    public async Task SignInAsync(string email, string password = MemberHubFactory.TestPassword)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("メールアドレス").FillAsync(email);
        await Page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        // Signing in hashes the password and the landing page gathers a whole dashboard; with every test class of the suite
        // running at once on two cores this once took longer than the 20 s navigation limit.
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 60_000 });
    }

    /// <summary>
    /// Checks the WCAG contrast of every matching element's text against what is really behind it (the
    /// backgrounds of its ancestors, blended), so pale-on-pale menus fail a test instead of passing review.
    /// </summary>
    public async Task AssertReadableAsync(ILocator elements, double minimumRatio = 4.5)
    {
        var json = await elements.EvaluateAllAsync<System.Text.Json.JsonElement>(ContrastScript);
        var found = json.EnumerateArray().Select(e => (Text: e.GetProperty("text").GetString(), Ratio: e.GetProperty("ratio").GetDouble())).ToList();
        Assert.NotEmpty(found);
        var poor = found.Where(f => f.Ratio < minimumRatio).ToList();
        Assert.True(poor.Count == 0, "hard to read (contrast below " + minimumRatio + ":1): " +
            string.Join(", ", poor.Select(p => $"「{p.Text}」 {p.Ratio:0.0}:1")));
    }

    private const string ContrastScript = """
        els => els.filter(e => e.offsetParent !== null).map(e => {
          const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
          const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
          const layers = [];
          for (let n = e; n; n = n.parentElement) {
            const bg = parse(getComputedStyle(n).backgroundColor);
            if (bg[3] > 0) layers.push(bg);
            if (bg[3] >= 1) break;
          }
          let back = [255, 255, 255, 1];
          for (const layer of layers.reverse()) back = over(layer, back);
          const fore = over(parse(getComputedStyle(e).color), back);
          const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const [hi, lo] = [lum(fore), lum(back)].sort((a, b) => b - a);
          return { text: e.innerText.trim(), ratio: (hi + 0.05) / (lo + 0.05) };
        })
        """;

    /// <summary>
    /// Marks the current document so <see cref="AssertSameDocumentAsync"/> can tell that later changes came
    /// from htmx swaps, not from a page load (a reload or navigation gives a fresh window without the mark).
    /// </summary>
    public async Task MarkDocumentAsync() => await Page.EvaluateAsync("() => { window.__memberhubMark = 'still-here'; }");

    public async Task AssertSameDocumentAsync()
    {
        var mark = await Page.EvaluateAsync<string?>("() => window.__memberhubMark ?? null");
        Assert.True(mark == "still-here", "the page was reloaded or left; the change should have come in place (htmx)");
    }

    /// <summary>
    /// Saves how the page looked at the end (artifacts/screenshots/last/{test method}.png): when a test fails,
    /// that is the screen it failed on, which says more than the assertion message.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "last", _name + ".png"), FullPage = true, Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // The page may be gone (crashed, closed); the test's own failure is what matters.
        }
        await Context.CloseAsync();
    }
}

/// <summary>artifacts/screenshots/ at the repository root (git-ignored), or MEMBERHUB_SCREENSHOTS.</summary>
public static class Screenshots
{
    public static readonly string Folder = Create();

    private static string Create()
    {
        var folder = Environment.GetEnvironmentVariable("MEMBERHUB_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "MemberHub.sln"))) root = root.Parent;
            folder = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        }
        Directory.CreateDirectory(folder);
        return folder;
    }
}
