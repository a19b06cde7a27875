using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Documents;

/// <summary>Invoices straight into the database (the billing pages that issue them live on another branch).</summary>
public static class InvoiceData
{
    private static int _sequence = 100;

    public static async Task<Invoice> CreateAsync(MemberHubFactory app, Member member, string? postalCode = null,
        DeliveryChannel delivery = DeliveryChannel.Post, long? runId = null, InvoiceStatus status = InvoiceStatus.Unpaid,
        TaxClass taxClass = TaxClass.NonTaxable, string? contactName = null, string honorific = "様")
    {
        var seq = Interlocked.Increment(ref _sequence);
        var taxable = taxClass == TaxClass.Taxable10;
        var invoice = new Invoice
        {
            InvoiceNumber = Invoice.FormatNumber(2026, seq), FiscalYear = 2026, SequenceNumber = seq,
            MemberId = member.Id, MemberClassId = member.MemberClassId, BillingRunId = runId,
            IssuedOn = new DateOnly(2026, 11, 23), DueOn = new DateOnly(2026, 12, 23), Status = status,
            Subtotal = new Yen(5000), TaxAmount = new Yen(taxable ? 500 : 0), Total = new Yen(taxable ? 5500 : 5000),
            TaxClass = taxClass, TaxRate = taxable ? 10 : 0, TaxRegistrationNumber = taxable ? "T1234567890123" : null,
            Delivery = delivery, RecipientName = member.Name, RecipientContactName = contactName, RecipientHonorific = honorific,
            RecipientPostalCode = postalCode ?? member.PostalCode, RecipientAddress = $"{member.Prefecture}{member.City}{member.Street}",
            CreatedAt = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), CreatedByName = "事務局 花子",
            Lines = [new InvoiceLine { LineNumber = 1, Description = "正会員 年会費", Units = 1, UnitPrice = new Yen(5000), Amount = new Yen(5000), TaxRate = taxable ? 10 : 0 }],
        };
        if (status == InvoiceStatus.Cancelled)
        {
            invoice.CancelledOn = new DateOnly(2026, 11, 23);
            invoice.CancelReason = "金額の誤り";
        }
        await app.WithDbAsync(async db =>
        {
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
        });
        return invoice;
    }

    public static async Task<BillingRun> RunAsync(MemberHubFactory app)
    {
        var run = new BillingRun
        {
            FiscalYear = 2026, IssuedOn = new DateOnly(2026, 11, 23), DueOn = new DateOnly(2026, 12, 23),
            CreatedAt = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), CreatedByName = "事務局 花子",
        };
        await app.WithDbAsync(async db =>
        {
            db.BillingRuns.Add(run);
            await db.SaveChangesAsync();
        });
        return run;
    }

    /// <summary>The organisation's name, address and one account to pay into, as an admin would enter them.</summary>
    public static Task OrganisationAsync(MemberHubFactory app) => app.WithDbAsync(async db =>
    {
        var o = await db.OrganisationSettings.SingleOrDefaultAsync(x => x.Id == OrganisationSettings.SingletonId);
        if (o is null)
        {
            o = new OrganisationSettings();
            db.OrganisationSettings.Add(o);
        }
        o.Name = "特定非営利活動法人 みどりの森";
        o.PostalCode = "150-0001";
        o.Address = "東京都渋谷区神宮前1-2-3";
        o.Phone = "03-1234-5678";
        o.Email = "info@midori.example.jp";
        o.Representative = "理事長 山田 太郎";
        if (!await db.BankAccounts.AnyAsync(a => a.AccountNumber == "7654321"))
            db.BankAccounts.Add(new BankAccount
            {
                BankName = "みずほ銀行", BranchName = "渋谷支店", AccountType = BankAccountType.Ordinary, AccountNumber = "7654321",
                AccountHolderKana = "トクヒ）ミドリノモリ", SortOrder = 1,
            });
        await db.SaveChangesAsync();
    });

    /// <summary>A red square seal, as a PNG.</summary>
    public static byte[] SealPng()
    {
        using var surface = SKSurface.Create(new SKImageInfo(120, 120));
        var c = surface.Canvas;
        c.Clear(SKColors.Transparent);
        using var pen = new SKPaint { Color = new SKColor(0xCC, 0x22, 0x22), Style = SKPaintStyle.Stroke, StrokeWidth = 8 };
        c.DrawRect(8, 8, 104, 104, pen);
        c.DrawLine(30, 60, 90, 60, pen);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

public class DocumentsQueryTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task One_invoice_is_loaded_with_its_lines_and_member_number()
    {
        var member = await new MemberBuilder().Named("松本 直樹", "マツモト ナオキ").CreateAsync(app);
        var invoice = await InvoiceData.CreateAsync(app, member, "380-0001");
        var rawCount = await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.Id == invoice.Id));
        var joined = await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => m.MemberNumber).CountAsync());
        var printed = await app.WithServicesAsync(sp => sp.GetRequiredService<MemberHub.Web.Documents.DocumentsQuery>().InvoiceAsync(invoice.Id));
        Assert.True(printed is not null, $"raw {rawCount}, joined {joined}");
        Assert.Equal(member.MemberNumber, printed.MemberNumber);
        Assert.Equal("正会員 年会費", printed.Lines.Single().Description);

        var pdf = await app.WithServicesAsync(sp => sp.GetRequiredService<MemberHub.Web.Documents.IDuesDocuments>().InvoicePdfAsync(invoice.Id));
        Assert.Contains("松本 直樹", MemberHub.Tests.Unit.Documents.SamplePrints.PageTexts(pdf).Single());
    }
}
