using System.Diagnostics;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Benchmarks.FollowUp;

/// <summary>
/// Five fiscal years of history for a register seeded by <see cref="BenchmarkData"/>: a dues invoice per member and
/// year (most paid within two months, some left open), donations from about one in six, contact records with some
/// follow-ups due, and the member figures (MemberStats) computed once at the end, as the app keeps them.
/// </summary>
public static class FollowUpData
{
    private const int Batch = 20_000;

    public static async Task<(TimeSpan Took, int Invoices, int Payments, int Contacts)> SeedHistoryAsync(IServiceProvider services, int years)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        if (await db.Payments.AnyAsync())
        {
            Console.WriteLine("The database already holds payments (--data of an earlier run): not seeding history again.");
            // A database seeded before the classifier's rules changed is placed again once, as saving the rules would.
            if (!await db.MemberStats.AnyAsync(s => s.Class == SupporterClass.Loyal))
            {
                var again = Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<MemberStatsRefresher>().RefreshAllAsync(db);
                Console.WriteLine($"  placed everyone again with the current rules in {again.Elapsed.TotalSeconds:F1} s");
            }
            return (TimeSpan.Zero, await db.Invoices.CountAsync(), await db.Payments.CountAsync(), await db.ContactRecords.CountAsync());
        }
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = JapanTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(20261201);
        var members = await db.Members.AsNoTracking()
            .Select(m => new { m.Id, m.JoinedOn, m.Status, m.MemberClassId, m.Name })
            .OrderBy(m => m.Id).ToListAsync();
        // The fiscal year starts in April: with today in the 2026 fiscal year, the five years are 2022–2026.
        var currentYear = today.Month >= 4 ? today.Year : today.Year - 1;
        var firstYear = currentYear - years + 1;
        var sequence = new Dictionary<int, int>();
        int invoices = 0, payments = 0, contacts = 0;

        var pending = new List<(Invoice Invoice, Payment? Payment)>();
        var extra = new List<object>();

        async Task FlushAsync()
        {
            await using var bulk = BulkContext.Over(db);
            bulk.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await bulk.Database.BeginTransactionAsync();
            bulk.Invoices.AddRange(pending.Select(p => p.Invoice));
            await bulk.SaveChangesAsync();
            foreach (var (invoice, payment) in pending)
                if (payment is not null) payment.Allocations[0].InvoiceId = invoice.Id;
            bulk.Payments.AddRange(pending.Where(p => p.Payment is not null).Select(p => p.Payment!));
            foreach (var e in extra) bulk.Add(e);
            await bulk.SaveChangesAsync();
            await tx.CommitAsync();
            pending.Clear();
            extra.Clear();
        }

        foreach (var m in members)
        {
            // Some pay every year, some lapse after a while, some paid only at the start: what makes the classes differ.
            var habit = random.Next(10);
            var stopsAfter = habit switch { < 5 => years, < 8 => random.Next(1, years + 1), _ => random.Next(0, 2) };
            var paidYears = 0;
            for (var year = firstYear; year <= currentYear; year++)
            {
                var issued = new DateOnly(year, 4, 15);
                if (issued < m.JoinedOn || issued > today) continue;
                if (m.Status is MemberStatus.Applying) continue;
                var seq = sequence[year] = sequence.GetValueOrDefault(year) + 1;
                var fee = new Yen(random.Next(3) == 0 ? 10_000 : 5_000);
                var pays = paidYears < stopsAfter && random.Next(100) < 92;
                var invoice = new Invoice
                {
                    InvoiceNumber = Invoice.FormatNumber(year, seq), FiscalYear = year, SequenceNumber = seq, MemberId = m.Id,
                    MemberClassId = m.MemberClassId, IssuedOn = issued, DueOn = issued.AddDays(30), Subtotal = fee, Total = fee,
                    PaidAmount = pays ? fee : Yen.Zero, Status = pays ? InvoiceStatus.Paid : InvoiceStatus.Unpaid,
                    RecipientName = m.Name, CreatedAt = now, CreatedByName = "ベンチマーク", Version = 1,
                };
                Payment? payment = null;
                if (pays)
                {
                    paidYears++;
                    var received = issued.AddDays(random.Next(3, 60));
                    if (received > today) received = today;
                    payment = new Payment
                    {
                        MemberId = m.Id, ReceivedOn = received, Amount = fee, Method = PaymentMethod.BankTransfer, CreatedAt = now, CreatedByName = "ベンチマーク",
                        Allocations = [new PaymentAllocation { Kind = AllocationKind.Dues, MemberId = m.Id, Amount = fee }],
                    };
                    payments++;
                }
                pending.Add((invoice, payment));
                invoices++;
            }
            if (random.Next(6) == 0)
                for (var d = random.Next(1, 4); d > 0; d--)
                {
                    var on = today.AddDays(-random.Next(0, 365 * years));
                    if (on < m.JoinedOn) continue;
                    var amount = new Yen(random.Next(1, 21) * 1_000);
                    extra.Add(new Payment
                    {
                        MemberId = m.Id, ReceivedOn = on, Amount = amount, Method = PaymentMethod.BankTransfer, CreatedAt = now, CreatedByName = "ベンチマーク",
                        Allocations = [new PaymentAllocation { Kind = AllocationKind.Donation, MemberId = m.Id, Amount = amount }],
                    });
                    payments++;
                }
            if (random.Next(10) < 3)
                for (var c = random.Next(1, 4); c > 0; c--)
                {
                    var on = today.AddDays(-random.Next(0, 365 * years));
                    var followUp = random.Next(40) == 0;
                    extra.Add(new ContactRecord
                    {
                        MemberId = m.Id, OccurredOn = on, Channel = (ContactChannel)random.Next(3), StaffName = "ベンチマーク 事務局",
                        Summary = "会報の感想をいただいた", FollowUpNeeded = followUp, FollowUpBy = followUp ? today.AddDays(random.Next(-10, 20)) : null,
                        CreatedAt = now,
                    });
                    contacts++;
                }
            if (pending.Count >= Batch) { await FlushAsync(); Console.Write($"\r  {invoices:N0} invoices, {payments:N0} payments, {contacts:N0} contacts"); }
        }
        await FlushAsync();
        Console.WriteLine($"\r  {invoices:N0} invoices, {payments:N0} payments, {contacts:N0} contacts");

        var refresher = scope.ServiceProvider.GetRequiredService<MemberStatsRefresher>();
        var stats = Stopwatch.StartNew();
        await refresher.RefreshAllAsync(db);
        Console.WriteLine($"  member figures (MemberStats) for {members.Count:N0} members in {stats.Elapsed.TotalSeconds:F1} s");
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (watch.Elapsed, invoices, payments, contacts);
    }
}
