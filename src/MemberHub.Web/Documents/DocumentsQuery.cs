using MemberHub.Billing;
using MemberHub.Data;
using MemberHub.Organisation;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Documents;

/// <summary>Loads what the documents print: the organisation with its accounts and seal, and invoices in chunks.</summary>
public sealed class DocumentsQuery(MemberHubDbContext db)
{
    /// <summary>Invoices are read this many at a time, so a run of 10,000 never sits in memory at once.</summary>
    public const int ChunkSize = 200;

    public async Task<OrganisationPrint> OrganisationAsync(CancellationToken ct = default)
    {
        var o = await db.OrganisationSettings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == OrganisationSettings.SingletonId, ct)
                ?? new OrganisationSettings();
        var accounts = await db.BankAccounts.AsNoTracking()
            .Where(a => a.IsActive && a.PrintOnInvoice)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return new OrganisationPrint(o.Name, o.PostalCode, o.Address, o.Phone, o.Email, o.Representative, o.SealImage,
            o.TransferInstruction, o.NonTaxableWording,
            accounts.Select(a => new BankAccountPrint(a.BankName, a.BranchName, BillingLabels.Of(a.AccountType), a.AccountNumber, a.AccountHolderKana)).ToList());
    }

    /// <summary>The invoices with these ids, in the order of <paramref name="ids"/>, a chunk at a time.</summary>
    public async IAsyncEnumerable<InvoicePrint> InvoicesAsync(IReadOnlyList<long> ids,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var invoices = await db.Invoices.AsNoTracking().Where(i => chunk.Contains(i.Id)).ToListAsync(ct);
            var memberIds = invoices.Select(i => i.MemberId).Distinct().ToList();
            var numbers = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
                .Select(m => new { m.Id, m.MemberNumber }).ToDictionaryAsync(m => m.Id, m => m.MemberNumber, ct);
            var lines = (await db.InvoiceLines.AsNoTracking().Where(l => chunk.Contains(l.InvoiceId)).ToListAsync(ct))
                .ToLookup(l => l.InvoiceId);
            var byId = invoices.ToDictionary(i => i.Id);
            foreach (var id in chunk)
            {
                if (!byId.TryGetValue(id, out var invoice)) continue;
                yield return ToPrint(invoice, numbers.GetValueOrDefault(invoice.MemberId), lines[id]);
            }
        }
    }

    public async Task<InvoicePrint?> InvoiceAsync(long id, CancellationToken ct = default)
    {
        await foreach (var i in InvoicesAsync([id], ct)) return i;
        return null;
    }

    public static RecipientPrint Recipient(Invoice i) =>
        new(i.RecipientName, i.RecipientContactName, string.IsNullOrWhiteSpace(i.RecipientHonorific) ? "様" : i.RecipientHonorific,
            i.RecipientPostalCode, i.RecipientAddress);

    private static InvoicePrint ToPrint(Invoice i, int memberNumber, IEnumerable<InvoiceLine> lines) =>
        new(i.InvoiceNumber, i.FiscalYear, memberNumber, i.IssuedOn, i.DueOn, Recipient(i),
            lines.OrderBy(l => l.LineNumber).Select(l => new InvoiceLinePrint(l.Description, l.Units, l.UnitPrice, l.Amount, l.Note)).ToList(),
            i.Subtotal, i.TaxAmount, i.Total, i.TaxClass, i.TaxRate, i.TaxRegistrationNumber, i.Status == InvoiceStatus.Cancelled);

    /// <summary>Recipients of invoices (for reminder letters), in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyDictionary<long, RecipientPrint>> RecipientsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var result = new Dictionary<long, RecipientPrint>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var i in await db.Invoices.AsNoTracking().Where(i => chunk.Contains(i.Id)).ToListAsync(ct))
                result[i.Id] = Recipient(i);
        }
        return result;
    }

    public Task<MemberHub.Messaging.MessageTemplate?> TemplateAsync(string key, CancellationToken ct = default) =>
        db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, ct);
}
