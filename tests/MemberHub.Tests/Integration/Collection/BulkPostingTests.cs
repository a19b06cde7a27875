using System.Text.Json;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Pages.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Collection;

/// <summary>
/// A batch (PostManyAsync, written with prepared statements) must leave the database exactly as posting the same payments
/// one by one through SaveChanges does: payments, allocations, invoices, thank-you notes, audit rows and member figures.
/// Two fresh databases get the same members and invoices; one is posted one by one, the other in one batch.
/// </summary>
public abstract class BulkPostingTests(MemberHubFactory app)
{
    /// <summary>A second fresh database of the same provider.</summary>
    protected abstract MemberHubFactory AnotherDatabase();

    [Fact]
    public async Task A_batch_writes_the_same_rows_audit_thanks_and_figures_as_posting_one_by_one()
    {
        app.SkipIfUnavailable();
        // Both fresh, so that the same seeding gives the same ids in both.
        await using var first = AnotherDatabase();
        await using var other = AnotherDatabase();
        var oneByOne = await SeedAsync(first);
        var batch = await SeedAsync(other);
        Assert.Equal(oneByOne.Select(r => r.MemberId), batch.Select(r => r.MemberId));

        foreach (var request in oneByOne)
            Assert.True((await first.PostAsync(request)).Succeeded);
        var result = await other.WithServicesAsync(sp => sp.GetRequiredService<PaymentPostingHandler>().PostManyAsync(batch));
        Assert.Empty(result.Refused);
        Assert.Equal(batch.Count, result.Posted.Count);

        var expected = await DumpAsync(first);
        var actual = await DumpAsync(other);
        Assert.Equal(7, JsonSerializer.Deserialize<JsonElement[]>(expected.Payments)!.Length);
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.Allocations, actual.Allocations);
        Assert.Equal(expected.Invoices, actual.Invoices);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Stats, actual.Stats);
        Assert.Equal(expected.Audit, actual.Audit);
        // A note per payment, member and kind: the household transfer thanks both, dues with a donation on top make two
        // (also for the member who refuses all mail: skipped, with the reason), other income none.
        Assert.Equal(9, JsonSerializer.Deserialize<JsonElement[]>(actual.Notes)!.Length);
        var created = JsonSerializer.Deserialize<JsonElement[]>(actual.Audit)!
            .Where(a => a.GetProperty("Action").GetString() == MemberHub.Auditing.AuditActions.Create)
            .CountBy(a => a.GetProperty("EntityType").GetString() ?? "").ToDictionary();
        Assert.Equal(7, created[nameof(Payment)]);
        Assert.Equal(9, created[nameof(MemberHub.Thanks.ThankYouNote)]);
    }

    [Fact]
    public async Task A_batch_that_the_database_refuses_leaves_nothing_behind()
    {
        app.SkipIfUnavailable();
        var requests = await SeedAsync(app);
        var member = requests[0].MemberId!.Value;
        // The same submission key twice: the unique index refuses the second row after the first one is written.
        var keyed = requests.Select((r, i) => r with { SubmissionKey = i is 0 or 5 ? "same-form-" + member : null }).ToList();
        var before = await CountsAsync(app);

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<PaymentPostingHandler>().PostManyAsync(keyed));

        Assert.Empty(result.Posted);
        Assert.Equal(keyed.Count, result.Refused.Count);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_batch_whose_invoice_someone_else_changed_meanwhile_is_refused_whole()
    {
        app.SkipIfUnavailable();
        var requests = await SeedAsync(app);
        var invoice = requests[4].ToInvoices[0].InvoiceId;
        var before = await CountsAsync(app);

        var result = await app.WithServicesAsync(sp =>
        {
            var db = sp.GetRequiredService<MemberHubDbContext>();
            // Another person's posting to the same invoice lands after the batch read it and before the batch writes.
            return sp.GetRequiredService<PaymentPostingHandler>().PostManyAsync(requests, (index, _) =>
            {
                if (index == 4) db.Database.ExecuteSql($"UPDATE \"Invoices\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {invoice}");
            });
        });

        Assert.Empty(result.Posted);
        Assert.All(result.Refused.Values, errors => Assert.Equal(PaymentPostingHandler.ConcurrentChangeMessage, Assert.Single(errors)));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Inside_the_callers_transaction_a_refused_batch_leaves_the_transaction_as_it_was_and_usable()
    {
        app.SkipIfUnavailable();
        var requests = await SeedAsync(app);
        var invoice = requests[4].ToInvoices[0].InvoiceId;
        var version = (await app.ReadInvoiceAsync(invoice)).Version;

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<MemberHubDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var before = await CountsAsync(db);
            var result = await sp.GetRequiredService<PaymentPostingHandler>().PostManyAsync(requests, (index, _) =>
            {
                if (index == 4) db.Database.ExecuteSql($"UPDATE \"Invoices\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {invoice}");
            });
            Assert.Empty(result.Posted);
            // Nothing of the batch in the caller's transaction (the caller's own change stays), and the transaction still works.
            Assert.Equal(before, await CountsAsync(db));
            Assert.Equal(version + 1, await db.Invoices.Where(i => i.Id == invoice).Select(i => i.Version).SingleAsync());
            await transaction.RollbackAsync();
            return 0;
        });
    }

    [Fact]
    public async Task After_a_batch_the_context_holds_the_invoices_as_saved_and_can_change_them_again()
    {
        app.SkipIfUnavailable();
        var requests = await SeedAsync(app);
        var share = requests[5].ToInvoices[0];   // a part payment: 3,000 of 5,000
        var version = (await app.ReadInvoiceAsync(share.InvoiceId)).Version;

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<MemberHubDbContext>();
            var invoice = await db.Invoices.SingleAsync(i => i.Id == share.InvoiceId);
            invoice.PaidAmount += share.Amount;
            invoice.RefreshPaymentStatus();
            invoice.Version++;
            var payment = new Payment
            {
                MemberId = invoice.MemberId, ReceivedOn = new DateOnly(2026, 11, 20), Amount = share.Amount, Method = PaymentMethod.BankTransfer,
                PayerName = "ﾜﾀﾅﾍﾞ ﾕﾐ", CreatedAt = DateTime.UtcNow, CreatedByName = "テスト",
                Allocations = [new PaymentAllocation { Kind = AllocationKind.Dues, InvoiceId = invoice.Id, MemberId = invoice.MemberId, Amount = share.Amount }],
            };
            await db.SaveNewPaymentsAsync([payment]);

            Assert.Equal(EntityState.Unchanged, db.Entry(invoice).State);
            Assert.Equal((3_000L, MemberHub.Billing.InvoiceStatus.PartlyPaid, version + 1), (invoice.PaidAmount.Value, invoice.Status, invoice.Version));
            Assert.Same(invoice, await db.Invoices.SingleAsync(i => i.Id == share.InvoiceId));
            // The same context can change it again: the version it checks is the one it wrote.
            invoice.DueOn = invoice.DueOn.AddDays(30);
            invoice.Version++;
            await db.SaveChangesAsync();
            return 0;
        });
        var saved = await app.ReadInvoiceAsync(share.InvoiceId);
        Assert.Equal((3_000L, version + 2), (saved.PaidAmount.Value, saved.Version));
    }

    private static async Task<string> CountsAsync(MemberHubDbContext db) =>
        $"{await db.Payments.CountAsync()}/{await db.PaymentAllocations.CountAsync()}/{await db.ThankYouNotes.CountAsync()}/" +
        $"{await db.AuditEntries.CountAsync()}/{(await db.Invoices.AsNoTracking().ToListAsync()).Sum(i => i.PaidAmount.Value)}";

    private static Task<string> CountsAsync(MemberHubFactory factory) => factory.WithDbAsync(CountsAsync);

    /// <summary>Members reached by e-mail, by post and not at all; a household; arrears; a part payment; other income.</summary>
    private static async Task<List<PaymentToPost>> SeedAsync(MemberHubFactory factory)
    {
        var hanako = await new MemberBuilder().Named("佐藤 花子", "サトウ ハナコ").WithEmail("hanako.sato@example.jp").CreateAsync(factory);
        var ichiro = await new MemberBuilder().Named("鈴木 一郎", "スズキ イチロウ").CreateAsync(factory);
        var ken = await new MemberBuilder().Named("高橋 健", "タカハシ ケン")
            .With(m => { m.RefusesEmail = true; m.RefusesPost = true; }).CreateAsync(factory);
        var misaki = await new MemberBuilder().Named("田中 美咲", "タナカ ミサキ").WithEmail("misaki@example.jp").CreateAsync(factory);
        var osamu = await new MemberBuilder().Named("田中 修", "タナカ オサム").CreateAsync(factory);
        var makoto = await new MemberBuilder().Named("伊藤 誠", "イトウ マコト").CreateAsync(factory);
        var yumi = await new MemberBuilder().Named("渡辺 由美", "ワタナベ ユミ").WithEmail("yumi@example.jp").CreateAsync(factory);
        var hiroshi = await new MemberBuilder().Named("山田 浩", "ヤマダ ヒロシ").CreateAsync(factory);

        var hanakoDues = await factory.InvoiceAsync(hanako, 2026, 5_000);
        var ichiroDues = await factory.InvoiceAsync(ichiro, 2026, 3_000);
        var kenDues = await factory.InvoiceAsync(ken, 2026, 5_000);
        var misakiDues = await factory.InvoiceAsync(misaki, 2026, 5_000);
        var osamuDues = await factory.InvoiceAsync(osamu, 2026, 3_000);
        var makotoArrears = await factory.InvoiceAsync(makoto, 2025, 5_000);
        var makotoDues = await factory.InvoiceAsync(makoto, 2026, 5_000);
        var yumiDues = await factory.InvoiceAsync(yumi, 2026, 5_000);

        var on = new DateOnly(2026, 11, 20);
        PaymentToPost Transfer(Member m, string payer, long amount, AllocationKind rest, params (long Invoice, long Amount)[] shares) =>
            new(m.Id, on, new Yen(amount), PaymentMethod.BankTransfer, payer, null,
                shares.Select(s => new InvoiceShare(s.Invoice, new Yen(s.Amount))).ToList(), rest);
        return
        [
            Transfer(hanako, "ｻﾄｳ ﾊﾅｺ", 5_000, AllocationKind.Donation, (hanakoDues.Id, 5_000)),
            Transfer(ichiro, "ｽｽﾞｷ ｲﾁﾛｳ", 3_000, AllocationKind.Donation, (ichiroDues.Id, 3_000)),
            Transfer(ken, "ﾀｶﾊｼ ｹﾝ", 6_000, AllocationKind.Donation, (kenDues.Id, 5_000)),
            Transfer(misaki, "ﾀﾅｶ ﾐｻｷ", 8_000, AllocationKind.Donation, (misakiDues.Id, 5_000), (osamuDues.Id, 3_000)),
            Transfer(makoto, "ｲﾄｳ ﾏｺﾄ", 12_000, AllocationKind.Donation, (makotoArrears.Id, 5_000), (makotoDues.Id, 5_000)),
            Transfer(yumi, "ﾜﾀﾅﾍﾞ ﾕﾐ", 3_000, AllocationKind.Donation, (yumiDues.Id, 3_000)),
            Transfer(hiroshi, "ﾔﾏﾀﾞ ﾋﾛｼ", 2_000, AllocationKind.OtherIncome),
        ];
    }

    private sealed record Dump(string Payments, string Allocations, string Invoices, string Notes, string Stats, string Audit);

    private static Task<Dump> DumpAsync(MemberHubFactory factory) => factory.WithDbAsync(async db =>
    {
        static string Json<T>(T value) => JsonSerializer.Serialize(value);
        var payments = await db.Payments.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var allocations = await db.PaymentAllocations.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var invoices = (await db.Invoices.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
            .Select(i => new { i.Id, i.MemberId, i.PaidAmount, i.Status, i.Version }).ToList();
        var notes = await db.ThankYouNotes.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
        var stats = await db.MemberStats.AsNoTracking().OrderBy(s => s.MemberId).ToListAsync();
        // Invoices' creation rows hold their numbers, which the test kit draws at random; everything after is compared.
        string[] posted = [nameof(Payment), nameof(PaymentAllocation), nameof(MemberHub.Thanks.ThankYouNote), nameof(MemberHub.Billing.Invoice)];
        var audit = (await db.AuditEntries.AsNoTracking()
                .Where(a => posted.Contains(a.EntityType) && !(a.EntityType == nameof(MemberHub.Billing.Invoice) && a.Action == MemberHub.Auditing.AuditActions.Create))
                .Select(a => new { a.Action, a.EntityType, a.EntityId, a.MemberId, a.Field, a.Before, a.After, a.UserName, a.UserId, a.OccurredAt })
                .ToListAsync())
            .OrderBy(a => a.EntityType, StringComparer.Ordinal).ThenBy(a => a.EntityId, StringComparer.Ordinal)
            .ThenBy(a => a.Action, StringComparer.Ordinal).ThenBy(a => a.Field, StringComparer.Ordinal).ToList();
        return new Dump(Json(payments), Json(allocations), Json(invoices), Json(notes), Json(stats), Json(audit));
    });
}

public class BulkPostingSqliteTests(MemberHubFactory app) : BulkPostingTests(app), IClassFixture<MemberHubFactory>
{
    protected override MemberHubFactory AnotherDatabase() => new();
}

public class BulkPostingPostgresTests(PostgresMemberHubFactory app, PostgresServer server) : BulkPostingTests(app), IClassFixture<PostgresMemberHubFactory>
{
    protected override MemberHubFactory AnotherDatabase() => new PostgresMemberHubFactory(server);
}
