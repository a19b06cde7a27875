using System.Diagnostics;
using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Dues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Benchmarks.Billing;

/// <summary>
/// Seeds a register (10,000 members by default) and times a billing run: the preview (who is billed, who is left out)
/// and the confirm (all invoices, lines, the run and their audit rows in one transaction), through the same handlers
/// the /Dues/Runs/Create page calls. For comparison it also issues the next fiscal year through an unaudited context,
/// so the cost of the audit rows shows on its own.
/// Usage: dotnet run -c Release --project tests/MemberHub.Benchmarks.Billing -- [--members N] [--postgres "cs"] [--data DIR]
/// </summary>
public static class BillingBenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        int members = 10_000;
        string? postgres = null, data = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--members": members = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[++i]; break;
                case "--data": data = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 1;
            }
        }
        var dataFolder = data ?? Path.Combine(Path.GetTempPath(), "memberhub-billing-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        Console.WriteLine($"MemberHub billing benchmark: {members:N0} members, " + (postgres is null ? $"SQLite in {dataFolder}" : "PostgreSQL"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        await using var site = new BenchmarkSite(dataFolder, postgres);
        site.Start();
        var seeding = await BenchmarkData.SeedAsync(site.Services, members);
        Console.WriteLine($"Seeding: {seeding.TotalSeconds:F1} s");

        var clock = site.Services.GetRequiredService<TimeProvider>();
        var today = JapanTime.Today(clock);
        BillingRequest Request(int year) => new(year, [], today, today.AddDays(30));
        int year;
        await using (var scope = site.Services.CreateAsyncScope())
            year = (await scope.ServiceProvider.GetRequiredService<BillingPlanQuery>().DefaultsAsync(today)).FiscalYear;

        // Preview: cold (first query of the process) and warm.
        BillingPlan plan = null!;
        foreach (var label in new[] { "preview (cold)", "preview (warm)", "preview (warm)" })
        {
            await using var scope = site.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew(); var cpu = Cpu();
            plan = await scope.ServiceProvider.GetRequiredService<BillingPlanQuery>().RunAsync(Request(year));
            Report(label, watch.Elapsed, Cpu() - cpu, $"{plan.Billed.Count:N0} billed, {plan.LeftOut.Count:N0} left out, total {plan.Total}");
        }

        // Confirm: audited, as the page does it.
        long auditBefore, auditAfter;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
            auditBefore = await db.AuditEntries.LongCountAsync();
            var watch = Stopwatch.StartNew(); var cpu = Cpu();
            var result = await scope.ServiceProvider.GetRequiredService<IssueInvoicesHandler>().IssueAsync(plan, asRun: true);
            var elapsed = watch.Elapsed;
            var cpuUsed = Cpu() - cpu;
            if (result.Outcome != IssueOutcome.Issued) throw new InvalidOperationException(result.Outcome + " " + result.Message);
            auditAfter = await db.AuditEntries.LongCountAsync();
            Report("confirm (audited)", elapsed, cpuUsed, $"{result.InvoiceIds!.Count:N0} invoices, {auditAfter - auditBefore:N0} audit rows");
        }

        // Re-run preview: everybody is invoiced now.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var watch = Stopwatch.StartNew(); var cpu = Cpu();
            var again = await scope.ServiceProvider.GetRequiredService<BillingPlanQuery>().RunAsync(Request(year));
            Report("preview after the run", watch.Elapsed, Cpu() - cpu, $"{again.Billed.Count:N0} billed, {again.LeftOut.Count:N0} left out");
        }

        // The same confirm for the next year without the audit interceptor: what the audit rows cost.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<MemberHubDbContext>();
            var next = await sp.GetRequiredService<BillingPlanQuery>().RunAsync(Request(year + 1));
            await using var bulk = BulkContext.Over(db);
            var issuer = new IssueInvoicesHandler(bulk, new BillingPlanQuery(bulk), sp.GetRequiredService<IAuditActor>(), clock);
            var watch = Stopwatch.StartNew(); var cpu = Cpu();
            var result = await issuer.IssueAsync(next, asRun: true);
            Report("confirm (no audit, comparison only)", watch.Elapsed, Cpu() - cpu, $"{result.InvoiceIds?.Count ?? 0:N0} invoices");
        }

        if (data is null)
        {
            await site.DisposeAsync();
            try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>CPU time of this process (site and benchmark): on a shared, busy machine it says more than the wall clock.</summary>
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static void Report(string what, TimeSpan elapsed, TimeSpan cpu, string detail) =>
        Console.WriteLine($"  {what,-38} {elapsed.TotalMilliseconds,9:N0} ms wall {cpu.TotalMilliseconds,9:N0} ms CPU   {detail}");
}
