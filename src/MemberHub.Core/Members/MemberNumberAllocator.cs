using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Members;

/// <summary>
/// Takes member numbers from the "member" <see cref="NumberSequence"/>. Numbers are never handed out
/// twice, also not after a member withdraws; a failed save may leave a gap, which is harmless.
/// The sequence row has a concurrency token, so two people adding members at once retry instead of colliding.
/// </summary>
public static class MemberNumberAllocator
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first. Saves at once.</summary>
    public static async Task<int> ReserveAsync(MemberHubDbContext db, int count = 1, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var attempt = 0; ; attempt++)
        {
            var seq = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == NumberSequence.MemberNumbers, ct);
            if (seq is null)
            {
                // First use: start after any number already in the register (e.g. imported with their old numbers).
                var max = await db.Members.MaxAsync(m => (int?)m.MemberNumber, ct) ?? 0;
                seq = new NumberSequence { Name = NumberSequence.MemberNumbers, NextValue = max + 1 };
                db.NumberSequences.Add(seq);
            }
            var first = (int)seq.NextValue;
            seq.NextValue += count;
            seq.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                return first;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.Entry(seq).State = EntityState.Detached;
            }
        }
    }
}
