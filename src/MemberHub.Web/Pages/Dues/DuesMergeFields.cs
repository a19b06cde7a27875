using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues;

/// <summary>
/// The merge-field values ({{氏名}}, {{会員番号}}, {{年度}}, {{金額}}, {{期限}}, {{振込先}} …) of invoices, for
/// the invoice e-mail, reminders and thank-you letters: every template fills its fields from here.
/// </summary>
public sealed class DuesMergeFieldsQuery(MemberHubDbContext db)
{
    public async Task<IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>>> ForInvoicesAsync(
        IReadOnlyCollection<long> invoiceIds, CancellationToken ct = default)
    {
        var organisation = await db.OrganisationSettings.AsNoTracking().Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        var accounts = await BankAccountsTextAsync(ct);
        var result = new Dictionary<long, IReadOnlyDictionary<string, string>>();
        // Chunked: IN lists stay well below SQLite's and PostgreSQL's parameter limits for a run of 10,000.
        foreach (var chunk in invoiceIds.Distinct().Chunk(500))
        {
            var rows = await db.Invoices.AsNoTracking()
                .Where(i => chunk.Contains(i.Id))
                .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new
                {
                    i.Id, i.InvoiceNumber, i.FiscalYear, i.Total, i.PaidAmount, i.Status, i.DueOn,
                    i.RecipientName, i.RecipientContactName, m.MemberNumber,
                    Reminders = db.DuesReminders.Count(r => r.InvoiceId == i.Id),
                    // Payments that stand (neither reversed nor a reversal); `Amount.Value` cannot be translated
                    // by EF (Yen is value-converted), and a reversed payment is no payment date anyway.
                    LastPaidOn = db.PaymentAllocations.Where(a => a.InvoiceId == i.Id)
                        .Join(db.Payments.Where(p => p.ReversesPaymentId == null && p.ReversedByPaymentId == null),
                            a => a.PaymentId, p => p.Id, (a, p) => (DateOnly?)p.ReceivedOn).Max(),
                })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var balance = BillingLabels.IsOpen(r.Status) ? r.Total - r.PaidAmount : Yen.Zero;
                result[r.Id] = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["氏名"] = string.IsNullOrEmpty(r.RecipientContactName) ? r.RecipientName : $"{r.RecipientName} {r.RecipientContactName}",
                    ["会員番号"] = r.MemberNumber.ToString(CultureInfo.InvariantCulture),
                    ["年度"] = r.FiscalYear.ToString(CultureInfo.InvariantCulture),
                    ["金額"] = r.Total.ToString(),
                    ["未納額"] = balance.ToString(),
                    ["期限"] = JapaneseFormat.Date(r.DueOn),
                    ["振込先"] = accounts,
                    ["請求書番号"] = r.InvoiceNumber,
                    ["団体名"] = organisation,
                    ["督促回数"] = (r.Reminders + 1).ToString(CultureInfo.InvariantCulture),
                    ["入金日"] = JapaneseFormat.Date(r.LastPaidOn),
                };
            }
        }
        return result;
    }

    /// <summary>The accounts printed on invoices, one per line: "〇〇銀行 本店 普通 1234567 トクヒ）サンプル".</summary>
    public async Task<string> BankAccountsTextAsync(CancellationToken ct = default)
    {
        var accounts = await db.BankAccounts.AsNoTracking()
            .Where(a => a.IsActive && a.PrintOnInvoice)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return string.Join("\n", accounts.Select(a => a.Display));
    }

    /// <summary>Names that templates for dues may use, for validation and the help beside the editor.</summary>
    public static IReadOnlyList<string> Fields => DefaultTemplates.DuesFields;
}
