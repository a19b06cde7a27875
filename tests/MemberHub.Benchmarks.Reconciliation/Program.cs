using System.Diagnostics;
using System.Globalization;
using System.Text;
using MemberHub.Banking;
using MemberHub.Benchmarks;
using MemberHub.Benchmarks.Matching;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Payments;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Payments;
using MemberHub.Web.Pages.Payments.Imports;
using MemberHub.Web.Pages.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BankAlias = MemberHub.Banking.PayerAlias;

namespace MemberHub.Benchmarks.Reconciliation;

// Usage: dotnet run -c Release --project tests/MemberHub.Benchmarks.Reconciliation -- [--credits N] [--invoices N] [--seed N]
// Imports a generated Zengin 振込入金通知 end to end on SQLite, through the import page's handlers (without HTTP):
// upload + read + preview (dedupe against the database), confirm (read again, dedupe, store the lines in one
// transaction), then the details page's proposals (open invoices and remembered payers loaded, PaymentMatcher).
public static class ReconciliationBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => int.Parse(args[x.i + 1], CultureInfo.InvariantCulture));
        var creditCount = options.GetValueOrDefault("credits", 10_000);
        var invoiceCount = options.GetValueOrDefault("invoices", 10_000);
        var seed = options.GetValueOrDefault("seed", 20261123);

        var data = SyntheticBank.Generate(seed, creditCount, invoiceCount);
        var dataFolder = Path.Combine(Path.GetTempPath(), "memberhub-recon-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        Console.WriteLine($"Reconciliation benchmark: {data.Credits.Count:N0} credits, {data.Invoices.Count:N0} open invoices, " +
                          $"{data.Aliases.Count:N0} remembered payers; SQLite in {dataFolder}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        await using var site = new BenchmarkSite(dataFolder, null);
        _ = site.Services;   // starts the host and migrates

        var seedWatch = Stopwatch.StartNew();
        var memberIds = await SeedAsync(site.Services, data);
        Console.WriteLine($"Seeded {memberIds.Count:N0} members and {data.Invoices.Count:N0} invoices in {seedWatch.Elapsed.TotalSeconds:F1} s (not timed below)");

        var file = ZenginFile(data.Credits.Select(c => c.Credit).ToList());
        Console.WriteLine($"Zengin file: {file.Length:N0} bytes, {data.Credits.Count:N0} data records");

        // Warm-up on a tiny file (JIT, EF model, query compilation), in its own account so it does not touch the real run.
        await RunImportAsync(site.Services, ZenginFile(data.Credits.Take(20).Select(c => c.Credit).ToList(), account: "7777777"), "warmup.txt");

        var readWatch = Stopwatch.StartNew();
        var content = BankFileReader.Read(file, new DateOnly(2026, 11, 23));
        var readMs = readWatch.Elapsed.TotalMilliseconds;
        var cpu = Process.GetCurrentProcess();
        cpu.Refresh();
        var cpuBefore = cpu.TotalProcessorTime;
        var wallWatch = Stopwatch.StartNew();
        var run = await RunImportAsync(site.Services, file, "bench.txt");
        var wall = wallWatch.Elapsed.TotalMilliseconds;
        cpu.Refresh();
        var cpuMs = (cpu.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        double checkMs, proposeOnlyMs;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<ImportBankFileHandler>();
            var w = Stopwatch.StartNew();
            await handler.CheckAsync(content);
            checkMs = w.Elapsed.TotalMilliseconds;
            var (openInvoices, _) = await scope.ServiceProvider.GetRequiredService<ImportDetailsQuery>().OpenInvoicesAsync();
            var credits = content.Candidates.Select(l => new BankCredit(l.LineKey, l.BookedOn, l.Credit, l.PayerName)).ToList();
            w.Restart();
            PaymentMatcher.Propose(credits, openInvoices, data.Aliases, MatchOptions.Default, data.Register);
            proposeOnlyMs = w.Elapsed.TotalMilliseconds;
        }
        Console.WriteLine();
        Console.WriteLine("| step | ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| upload + read + preview (dedupe against the database) | {run.Preview:N0} |");
        Console.WriteLine($"| confirm (read again, dedupe, store {run.NewLines:N0} lines in one transaction, then post {run.AutoPosted:N0} automatically in one batch) | {run.Confirm:N0} |");
        Console.WriteLine($"| reconciliation screen's query (groups; proposals for the {run.Details!.Suggested.Count + run.Details.Unmatched.Count:N0} lines left) | {run.Propose:N0} |");
        Console.WriteLine($"| **total end to end** | **{run.Preview + run.Confirm + run.Propose:N0}** |");
        Console.WriteLine($"| (wall clock of the whole run, incl. scopes) | {wall:N0} |");
        Console.WriteLine($"| (CPU time of the process for the whole run) | {cpuMs:N0} |");
        Console.WriteLine($"| of which: reading the 2 MB file (ZenginReader + line keys), alone | {readMs:N0} |");
        Console.WriteLine($"| of which: dedupe query against 10,000 stored lines (re-import case), alone | {checkMs:N0} |");
        Console.WriteLine($"| of which: PaymentMatcher.Propose alone | {proposeOnlyMs:N0} |");

        var again = await RunImportAsync(site.Services, file, "bench-again.txt");
        Console.WriteLine($"| re-import of the same file (preview + confirm, {again.NewLines} new lines) | {again.Preview + again.Confirm:N0} |");

        // Matching statistics on what was posted automatically and what the screen proposes for the rest.
        var truthByLine = data.Credits.Select((c, i) => (Line: i + 2, c)).ToDictionary(x => x.Line, x => x.c);   // record 1 is the header
        var dbToSynthetic = memberIds.ToDictionary(kv => kv.Value, kv => kv.Key);
        var view = run.Details!;
        int auto = 0, wrongAuto = 0, obvious = 0, obviousAuto = 0, determinable = 0, firstRight = 0, creditCountSeen = 0;
        foreach (var r in view.Automatic.Concat(view.Suggested).Concat(view.Unmatched))
        {
            creditCountSeen++;
            var truth = truthByLine[r.Line.LineNumber];
            var isAuto = r.Line.Status == BankLineStatus.AutoApplied;
            long? proposed = isAuto ? r.Posted?.MemberId : r.First?.MemberId;
            long? synthetic = proposed is { } p ? dbToSynthetic[p] : null;
            if (isAuto)
            {
                auto++;
                if (synthetic != truth.TrueMemberId) wrongAuto++;
            }
            if (truth.Obvious)
            {
                obvious++;
                if (isAuto) obviousAuto++;
            }
            if (truth.Determinable && !isAuto)
            {
                determinable++;
                if (synthetic == truth.TrueMemberId) firstRight++;
            }
        }
        Console.WriteLine();
        Console.WriteLine($"After the import: {creditCountSeen:N0} credits, {auto:N0} posted automatically ({100.0 * auto / creditCountSeen:F1}%), " +
                          $"{wrongAuto} of them to the wrong member; obvious credits posted automatically {obviousAuto:N0}/{obvious:N0} ({100.0 * obviousAuto / Math.Max(1, obvious):F1}%); " +
                          $"right member first for the rest (determinable) {firstRight:N0}/{determinable:N0} ({100.0 * firstRight / Math.Max(1, determinable):F1}%)");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
            var over = await db.Invoices.CountAsync(i => i.PaidAmount > i.Total);
            var payments = await db.Payments.CountAsync();
            var stats = await db.MemberStats.CountAsync(s => s.PaymentCount > 0);
            Console.WriteLine($"Database: {payments:N0} payments, {stats:N0} members with a payment count, invoices paid more than their total: {over}");
        }
        if (options.GetValueOrDefault("keep", 0) == 0) Directory.Delete(dataFolder, recursive: true);
        return 0;

        static async Task<(double Preview, double Confirm, double Propose, int NewLines, ReconciliationView? Details, int AutoPosted)> RunImportAsync(
            IServiceProvider services, byte[] file, string name)
        {
            await using var scope = services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ImportBankFileHandler>();
            var watch = Stopwatch.StartNew();
            var state = await handler.UploadAsync(new MemoryStream(file), name, file.Length, new BankImportInput());
            var preview = watch.Elapsed.TotalMilliseconds;
            if (state.Preview is null) throw new InvalidOperationException("preview failed: " + state.Error);
            watch.Restart();
            var result = await handler.ConfirmAsync(state.Input);
            var confirm = watch.Elapsed.TotalMilliseconds;
            if (result.ImportId is not { } id) return (preview, confirm, 0, 0, null, 0);
            await using var detailsScope = services.CreateAsyncScope();
            var query = detailsScope.ServiceProvider.GetRequiredService<ReconciliationQuery>();
            watch.Restart();
            var details = await query.RunAsync(id);
            var propose = watch.Elapsed.TotalMilliseconds;
            return (preview, confirm, propose, state.Preview.NewLines, details, result.AutoPosted?.Posted ?? 0);
        }

        static byte[] ZenginFile(IReadOnlyList<BankCredit> credits, string account = "1234567")
        {
            var sjis = BankEncodings.ShiftJis;
            var records = new List<byte[]>();
            byte[] Record(char type)
            {
                var r = Enumerable.Repeat((byte)' ', 200).ToArray();
                r[0] = (byte)type;
                return r;
            }
            void Put(byte[] r, int start, string text) => Encoding.ASCII.GetBytes(text).CopyTo(r, start - 1);
            string Era(DateOnly d) => $"{d.Year - 2018:00}{d.Month:00}{d.Day:00}";
            var last = credits.Max(c => c.BookedOn);
            var header = Record('1');
            Put(header, 2, "010" + Era(last) + Era(credits.Min(c => c.BookedOn)) + Era(last) + "9999");
            Put(header, 42, "001");
            Put(header, 60, "1" + account);
            records.Add(header);
            for (var i = 0; i < credits.Count; i++)
            {
                var c = credits[i];
                var r = Record('2');
                Put(r, 2, (i + 1).ToString("000000", CultureInfo.InvariantCulture) + Era(c.BookedOn) + Era(c.BookedOn)
                          + c.Amount.ToString("0000000000", CultureInfo.InvariantCulture) + "0000000000");
                var payer = new List<byte>();
                foreach (var ch in c.PayerName)
                {
                    var b = sjis.GetBytes(ch.ToString());
                    payer.AddRange(b.Length == 1 ? b : [(byte)' ']);   // the bank's character set is single-byte only
                }
                payer.Take(48).ToArray().CopyTo(r, 49);
                Put(r, 128, "0");
                records.Add(r);
            }
            var trailer = Record('8');
            Put(trailer, 2, credits.Count.ToString("000000", CultureInfo.InvariantCulture) + credits.Sum(c => c.Amount).ToString("000000000000", CultureInfo.InvariantCulture)
                            + "000000" + "000000000000");
            records.Add(trailer);
            records.Add(Record('9'));
            return records.SelectMany(r => r.Concat("\r\n"u8.ToArray())).ToArray();
        }

        /// <summary>The synthetic register as members, open invoices, households and remembered payers; returns synthetic id → database id.</summary>
        static async Task<Dictionary<long, long>> SeedAsync(IServiceProvider services, SyntheticData data)
        {
            await using var scope = services.CreateAsyncScope();
            var app = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
            await using var db = BulkContext.Over(app);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            if (!await db.MemberClasses.AnyAsync())
            {
                db.MemberClasses.AddRange(CompleteSetupHandler.DefaultMemberClasses());
                await db.SaveChangesAsync();
            }
            var classId = await db.MemberClasses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var now = DateTime.UtcNow;
            var synthetic = data.Invoices.GroupBy(i => i.MemberId).ToDictionary(g => g.Key, g => g.First());
            var members = synthetic.Values.Select(i => (i.MemberId, Member: new Member
            {
                MemberNumber = int.Parse(i.MemberNumber, CultureInfo.InvariantCulture),
                Name = i.MemberNameKana, NameKana = i.MemberNameKana, MemberClassId = classId, Units = 1,
                JoinedOn = new DateOnly(2020, 4, 1), StatusChangedOn = new DateOnly(2020, 4, 1), CreatedAt = now, UpdatedAt = now, Version = 1,
            })).ToList();
            // The rest of the register: members who have paid already (namesakes the matcher must know about).
            foreach (var r in data.Register.Where(r => !synthetic.ContainsKey(r.MemberId)))
                members.Add((r.MemberId, new Member
                {
                    MemberNumber = int.Parse(r.MemberNumber, CultureInfo.InvariantCulture), Name = r.MemberNameKana, NameKana = r.MemberNameKana,
                    MemberClassId = classId, Units = 1,
                    JoinedOn = new DateOnly(2020, 4, 1), StatusChangedOn = new DateOnly(2020, 4, 1), CreatedAt = now, UpdatedAt = now, Version = 1,
                }));
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Members.AddRange(members.Select(m => m.Member));
            await db.SaveChangesAsync();
            var ids = members.ToDictionary(m => m.MemberId, m => m.Member.Id);

            var used = new HashSet<(long, int)>();
            var seq = 0;
            foreach (var i in data.Invoices)
            {
                var year = i.IssuedOn.Year;
                while (!used.Add((i.MemberId, year))) year--;
                seq++;
                db.Invoices.Add(new Invoice
                {
                    InvoiceNumber = i.InvoiceNumber.Length > 0 ? i.InvoiceNumber : Invoice.FormatNumber(year, seq), FiscalYear = year, SequenceNumber = seq,
                    MemberId = ids[i.MemberId], MemberClassId = classId, IssuedOn = i.IssuedOn, DueOn = i.IssuedOn.AddDays(30),
                    Status = InvoiceStatus.Unpaid, Subtotal = new Yen(i.AmountDue), Total = new Yen(i.AmountDue), RecipientName = i.MemberNameKana,
                    CreatedAt = now, CreatedByName = "ベンチマーク", Version = 1,
                });
            }
            foreach (var household in data.Invoices.Where(i => i.HouseholdId is not null).GroupBy(i => i.HouseholdId))
            {
                var people = household.Select(i => ids[i.MemberId]).Distinct().ToList();
                foreach (var other in people.Skip(1))
                    db.MemberRelations.Add(new MemberRelation { MemberId = people[0], RelatedMemberId = other, Kind = RelationKind.Household, CreatedAt = now });
            }
            foreach (var a in data.Aliases.DistinctBy(a => (PayerNameNormalizer.Parse(a.PayerName).LooseKey, a.MemberId)))
                db.PayerAliases.Add(new BankAlias
                {
                    PayerKey = PayerNameNormalizer.Parse(a.PayerName).LooseKey, PayerName = a.PayerName, MemberId = ids[a.MemberId], CreatedAt = now, CreatedByName = "ベンチマーク",
                });
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return ids;
        }
    }
}
