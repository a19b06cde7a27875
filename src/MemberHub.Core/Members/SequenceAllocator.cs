using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Members;

/// <summary>
/// Takes numbers from a named <see cref="NumberSequence"/> (member numbers, invoice numbers per fiscal year).
/// The row has a concurrency token: two takers at once retry instead of sharing a number. Inside a caller's
/// transaction the reservation commits or rolls back with the caller's work, so a failed billing run leaves no gap.
/// </summary>
public static class SequenceAllocator
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first. Saves at once.</summary>
    /// <param name="firstValueIfNew">For a sequence not used before: its first value (e.g. after numbers already taken).</param>
    public static async Task<long> ReserveAsync(MemberHubDbContext db, string name, int count,
        Func<CancellationToken, Task<long>> firstValueIfNew, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var attempt = 0; ; attempt++)
        {
            var seq = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == name, ct);
            if (seq is null)
            {
                seq = new NumberSequence { Name = name, NextValue = await firstValueIfNew(ct) };
                db.NumberSequences.Add(seq);
            }
            var first = seq.NextValue;
            seq.NextValue += count;
            seq.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                return first;
            }
            // A lost race on the row's version leaves a transaction usable, so it is retried also inside one; a failed
            // insert of a new sequence row aborts a PostgreSQL transaction, so that is retried only outside one.
            catch (DbUpdateException e) when (attempt < 5
                && (e is DbUpdateConcurrencyException || db.Database.CurrentTransaction is null))
            {
                db.Entry(seq).State = EntityState.Detached;
            }
        }
    }
}
