using System.Text;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Documents;
using MemberHub.Web.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Outbox;

/// <summary>The site with the background sender off, so tests drive <see cref="OutboxSender"/> themselves.</summary>
public sealed class OutboxSqliteSite : MemberHubFactory
{
    public OutboxSqliteSite() => Settings["Outbox:RunInBackground"] = "false";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
    }
}

public sealed class OutboxPostgresSite : PostgresMemberHubFactory
{
    public OutboxPostgresSite(PostgresServer server) : base(server) => Settings["Outbox:RunInBackground"] = "false";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
    }
}

public static class OutboxTestSupport
{
    private static int _sequence = 100;

    public static Task<int> ProcessOutboxAsync(this MemberHubFactory app) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<OutboxSender>().ProcessDueAsync());

    public static Task<BillingRun> CreateRunAsync(this MemberHubFactory app) => app.WithDbAsync(async db =>
    {
        var run = new BillingRun
        {
            FiscalYear = 2026, IssuedOn = new DateOnly(2026, 11, 23), DueOn = new DateOnly(2026, 12, 23),
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedByName = "事務局 花子",
        };
        db.BillingRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    });

    /// <summary>An issued 2026 invoice for 5,000円, as the billing run would write it.</summary>
    public static Task<Invoice> CreateInvoiceAsync(this MemberHubFactory app, Member member, long? runId = null,
        DeliveryChannel delivery = DeliveryChannel.Email, InvoiceStatus status = InvoiceStatus.Unpaid) => app.WithDbAsync(async db =>
    {
        var seq = Interlocked.Increment(ref _sequence);
        var invoice = new Invoice
        {
            InvoiceNumber = Invoice.FormatNumber(2026, seq), FiscalYear = 2026, SequenceNumber = seq,
            MemberId = member.Id, MemberClassId = member.MemberClassId, BillingRunId = runId,
            IssuedOn = new DateOnly(2026, 11, 23), DueOn = new DateOnly(2026, 12, 23), Status = status,
            Subtotal = new Yen(5_000), Total = new Yen(5_000), TaxClass = TaxClass.NonTaxable, Delivery = delivery,
            RecipientName = member.Name, RecipientHonorific = "様", RecipientPostalCode = member.PostalCode,
            RecipientAddress = $"{member.Prefecture}{member.City}{member.Street}", RecipientEmail = member.Email,
            CancelledOn = status == InvoiceStatus.Cancelled ? new DateOnly(2026, 11, 23) : null,
            CancelReason = status == InvoiceStatus.Cancelled ? "口数の誤り" : null,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedByName = "事務局 花子",
            Lines = [new InvoiceLine { LineNumber = 1, Description = "正会員（個人）年会費", Units = 1, UnitPrice = new Yen(5_000), Amount = new Yen(5_000) }],
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    });
}
