using MemberHub.Banking;
using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments;

public sealed record PayerAliasRow(long Id, string PayerName, long MemberId, int MemberNumber, string MemberName, PayerAliasSource Source,
    DateTime CreatedAt, string CreatedByName);

/// <summary>
/// 記憶した振込依頼人: the payer names the matcher trusts for a member. Written by the reconciliation screen when a
/// person confirms a match; listed here so that a wrong one can be removed (the removal is audited).
/// </summary>
public sealed class PayerAliasesHandler(MemberHubDbContext db)
{
    public async Task<IReadOnlyList<PayerAliasRow>> ListAsync(string? q)
    {
        var query = from a in db.PayerAliases.AsNoTracking()
                    join m in db.Members on a.MemberId equals m.Id
                    select new { a, m.MemberNumber, m.Name, m.NameKana };
        var term = q?.Trim() ?? "";
        if (term.Length > 0)
            query = query.Where(x => x.a.PayerName.Contains(term) || x.Name.Contains(term) || x.NameKana.Contains(term));
        return await query.OrderBy(x => x.MemberNumber).ThenBy(x => x.a.PayerName).Take(1000)
            .Select(x => new PayerAliasRow(x.a.Id, x.a.PayerName, x.a.MemberId, x.MemberNumber, x.Name, x.a.Source, x.a.CreatedAt, x.a.CreatedByName))
            .ToListAsync();
    }

    /// <summary>Forgets one remembered payer; the audit interceptor records who removed what.</summary>
    public async Task<string?> RemoveAsync(long id)
    {
        var alias = await db.PayerAliases.SingleOrDefaultAsync(a => a.Id == id);
        if (alias is null) return null;
        db.PayerAliases.Remove(alias);
        await db.SaveChangesAsync();
        return alias.PayerName;
    }
}
