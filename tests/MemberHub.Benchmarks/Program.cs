using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MemberHub.Benchmarks;

/// <summary>
/// Seeds a register of 100,000 members and measures the member list and search over HTTP, as a browser uses them.
/// A benchmark, not a test: it reports latency percentiles and fails only when a request fails.
/// Usage: dotnet run -c Release --project tests/MemberHub.Benchmarks -- [--members N] [--requests N] [--postgres "cs"] [--data DIR] [--keep]
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        var dataFolder = options.DataFolder ?? Path.Combine(Path.GetTempPath(), "memberhub-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        Console.WriteLine($"MemberHub benchmark: {options.Members:N0} members, {options.Requests} requests per scenario, "
                          + (options.Postgres is null ? $"SQLite in {dataFolder}" : "PostgreSQL"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}");

        var exitCode = 0;
        await using (var site = new BenchmarkSite(dataFolder, options.Postgres))
        {
            var startWatch = Stopwatch.StartNew();
            var baseAddress = site.Start();
            Console.WriteLine($"Site started on {baseAddress} in {startWatch.ElapsedMilliseconds:N0} ms (migrations included)");

            var seeding = await BenchmarkData.SeedAsync(site.Services, options.Members);
            Console.WriteLine(seeding == TimeSpan.Zero ? "Seeding: the database already holds enough members"
                : $"Seeding: {options.Members:N0} members in {seeding.TotalSeconds:F1} s");
            await BenchmarkData.EnsureStaffAsync(site.Services);
            var s = await BenchmarkData.SamplesAsync(site.Services);

            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress };
            await BenchmarkData.SignInAsync(http);
            Console.WriteLine("Signed in as Staff through the login form.");

            string Q(string text) => Uri.EscapeDataString(text);
            // The member list's query string: q, classId, status, tagId, prefecture, sort, page; htmx asks for the rows only.
            var scenarios = new (string Name, string Url, bool Htmx)[]
            {
                ("一覧 1ページ目", "/Members", false),
                ("一覧 フリガナ順 50ページ目", "/Members?sort=kana&page=50", false),
                ($"検索 漢字の姓「{s.FamilyKanji}」", $"/Members?q={Q(s.FamilyKanji)}", false),
                ($"検索 ひらがな「{s.FamilyHiragana}」", $"/Members?q={Q(s.FamilyHiragana)}", false),
                ($"検索 半角カナ「{s.HalfWidthKana}」", $"/Members?q={Q(s.HalfWidthKana)}", false),
                ($"検索 電話「{s.PhoneWithHyphens}」", $"/Members?q={Q(s.PhoneWithHyphens)}", false),
                ($"検索 会員番号「{s.MemberNumber}」", $"/Members?q={s.MemberNumber}", false),
                ($"検索 メールの一部「{s.EmailFragment}」", $"/Members?q={Q(s.EmailFragment)}", false),
                ("絞り込み 在籍+東京都+種別+タグ", $"/Members?status=Active&prefecture={Q("東京都")}&classId={s.ClassId}&tagId={s.TagId}", false),
                ($"htmx 行だけ「{s.FamilyKanji}」", $"/Members?q={Q(s.FamilyKanji)}", true),
                ("（基準）マイページ", "/My", false),
            };

            var results = new List<(string Name, int Status, double[] Ms, int Errors, long Bytes)>();
            foreach (var (name, url, htmx) in scenarios)
            {
                var times = new List<double>(options.Requests);
                var errors = 0;
                var status = 0;
                long bytes = 0;
                for (var i = 0; i < options.Warmup + options.Requests; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (htmx) request.Headers.Add("HX-Request", "true");
                    var t = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    status = (int)response.StatusCode;
                    if (i < options.Warmup) continue;
                    times.Add(ms);
                    bytes = body.Length;
                    if (response.StatusCode != HttpStatusCode.OK) errors++;
                }
                results.Add((name, status, times.Order().ToArray(), errors, bytes));
            }

            Console.WriteLine();
            Console.WriteLine($"{"scenario",-34} {"status",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"bytes",9}");
            foreach (var (name, status, ms, errors, bytes) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Pad(name, 34)} {status,6} {P(ms, 50),8:F1} {P(ms, 95),8:F1} {P(ms, 99),8:F1} {ms[^1],8:F1} {bytes,9:N0}{(errors > 0 ? $"  {errors} errors" : "")}"));
                if (errors > 0) exitCode = 1;
            }
        }
        if (options.DataFolder is null && !options.Keep)
            try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        return exitCode;
    }

    private static double P(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    // Japanese characters take two columns in a terminal.
    private static string Pad(string text, int width)
    {
        var w = text.Sum(c => c > 0x2E7F && !(c is >= '\uFF61' and <= '\uFF9F') ? 2 : 1);
        return text + new string(' ', Math.Max(1, width - w));
    }


}
