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
        var first = await SequenceAllocator.ReserveAsync(db, NumberSequence.MemberNumbers, count,
            // First use: start after any number already in the register (e.g. imported with their old numbers).
            async c => (await db.Members.MaxAsync(m => (int?)m.MemberNumber, c) ?? 0) + 1L, ct);
        return checked((int)first);
    }
}
