using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MemberHub.Benchmarks.FollowUp;

/// <summary>
/// Issue 6's benchmark: 100,000 members with five years of dues and donations; times today's list (ホーム) and a
/// three-criteria segment count over HTTP as a signed-in staff member, and the queueing of a 10,000-person mailing.
/// A benchmark, not a test: it prints percentiles and fails only when a request fails.
/// Usage: dotnet run -c Release --project tests/MemberHub.Benchmarks.FollowUp -- [--members N] [--requests N]
///        [--warmup N] [--postgres "cs"] [--data DIR] [--keep]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args.Length == 0 ? ["--requests", "50", "--warmup", "5"] : args);
        var dataFolder = options.DataFolder ?? Path.Combine(Path.GetTempPath(), "memberhub-fbench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        Console.WriteLine($"Follow-up benchmark: {options.Members:N0} members, five years of payments, {options.Requests} requests per scenario, "
                          + (options.Postgres is null ? $"SQLite in {dataFolder}" : "PostgreSQL"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var exitCode = 0;
        await using (var site = new BenchmarkSite(dataFolder, options.Postgres))
        {
            var baseAddress = site.Start();
            var seeding = await BenchmarkData.SeedAsync(site.Services, options.Members);
            Console.WriteLine(seeding == TimeSpan.Zero ? "Members: already seeded" : $"Members: {options.Members:N0} in {seeding.TotalSeconds:F1} s");
            var history = await FollowUpData.SeedHistoryAsync(site.Services, years: 5);
            Console.WriteLine($"History: {history.Invoices:N0} invoices, {history.Payments:N0} payments, {history.Contacts:N0} contact records in {history.Took.TotalSeconds:F1} s");
            await BenchmarkData.EnsureStaffAsync(site.Services);

            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
            await BenchmarkData.SignInAsync(http);
            Console.WriteLine("Signed in as Staff through the login form.");

            var scenarios = new List<(string Name, Func<HttpRequestMessage> Request)>
            {
                ("ホーム（今日のリスト）", () => new HttpRequestMessage(HttpMethod.Get, "/FollowUp")),
            };
            scenarios.AddRange(await FollowUpScenarios.SegmentCountsAsync(site.Services, http));

            Console.WriteLine();
            Console.WriteLine($"{"scenario",-44} {"status",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"bytes",9}");
            foreach (var (name, make) in scenarios)
            {
                var times = new List<double>();
                int status = 0, errors = 0;
                long bytes = 0;
                for (var i = 0; i < options.Warmup + options.Requests; i++)
                {
                    using var request = make();
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
                var ms2 = times.Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Pad(name, 44)} {status,6} {P(ms2, 50),8:F1} {P(ms2, 95),8:F1} {ms2[^1],8:F1} {bytes,9:N0}{(errors > 0 ? $"  {errors} errors" : "")}"));
                if (errors > 0) exitCode = 1;
            }

            Console.WriteLine();
            if (!await FollowUpScenarios.MailingAsync(site.Services, http, recipients: 10_000)) exitCode = 1;
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
