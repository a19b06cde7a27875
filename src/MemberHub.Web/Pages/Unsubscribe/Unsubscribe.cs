using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Unsubscribe;

public enum UnsubscribeChoice { StopList, NoBulkMail }

public sealed record UnsubscribeView(UnsubscribeTokenStatus Status, string? MemberName, long? ListId, string? ListName, bool AlreadyStoppedList,
    bool AlreadyNoBulkMail, string Organisation, string? OrganisationContact);

/// <summary>
/// 配信停止 from a link in a mail, without signing in. Reading the link (GET) only shows the choices; each choice is
/// a POST, so mail scanners and link previews that fetch the address change nothing. The signed token says who and
/// which list; a forged or expired one is refused with a page that says what to do instead.
/// </summary>
public sealed class UnsubscribeHandler(MemberHubDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Source = "配信停止リンク";

    public async Task<UnsubscribeView> ViewAsync(string? token, CancellationToken ct = default)
    {
        var org = await db.OrganisationSettings.AsNoTracking().Select(o => new { o.Name, o.Phone, o.Email }).FirstOrDefaultAsync(ct);
        var organisation = org?.Name ?? "";
        var contact = string.Join("　", new[] { org?.Phone is { Length: > 0 } p ? "電話 " + p : null, org?.Email is { Length: > 0 } e ? "メール " + e : null }
            .Where(x => x is not null));
        var read = Read(token);
        if (read.Status != UnsubscribeTokenStatus.Valid || read.Claim is null)
            return new(read.Status, null, null, null, false, false, organisation, contact.Length == 0 ? null : contact);
        var claim = read.Claim;
        var member = await db.Members.AsNoTracking().Where(m => m.Id == claim.MemberId).Select(m => new { m.Name, m.NoNewsletters }).SingleOrDefaultAsync(ct);
        if (member is null) return new(UnsubscribeTokenStatus.Invalid, null, null, null, false, false, organisation, contact.Length == 0 ? null : contact);
        string? listName = null;
        var stopped = false;
        if (claim.MailingListId is { } listId)
        {
            listName = await db.MailingLists.AsNoTracking().Where(l => l.Id == listId).Select(l => l.Name).SingleOrDefaultAsync(ct);
            stopped = await db.MailingListOptOuts.AnyAsync(o => o.MemberId == claim.MemberId && o.MailingListId == listId, ct);
        }
        return new(UnsubscribeTokenStatus.Valid, member.Name, listName is null ? null : claim.MailingListId, listName, stopped, member.NoNewsletters,
            organisation, contact.Length == 0 ? null : contact);
    }

    /// <summary>Records the choice once (pressing again changes nothing); answers the token's status.</summary>
    public async Task<UnsubscribeTokenStatus> ApplyAsync(string? token, UnsubscribeChoice choice, CancellationToken ct = default)
    {
        var read = Read(token);
        if (read.Status != UnsubscribeTokenStatus.Valid || read.Claim is null) return read.Status;
        var claim = read.Claim;
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == claim.MemberId, ct);
        if (member is null) return UnsubscribeTokenStatus.Invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        // A link from a mail of no list (a one-off announcement) has only "no bulk mail" to offer.
        if (choice == UnsubscribeChoice.StopList && claim.MailingListId is { } listId && await db.MailingLists.AnyAsync(l => l.Id == listId, ct))
        {
            if (!await db.MailingListOptOuts.AnyAsync(o => o.MemberId == member.Id && o.MailingListId == listId, ct))
                db.MailingListOptOuts.Add(new MailingListOptOut { MemberId = member.Id, MailingListId = listId, Source = Source, CreatedAt = now });
        }
        else if (!member.NoNewsletters)
        {
            member.NoNewsletters = true;
            member.Version++;
            member.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (choice == UnsubscribeChoice.StopList)
        {
            // Two presses at once: the unique index kept one opt-out, which is what was asked for.
        }
        return UnsubscribeTokenStatus.Valid;
    }

    private UnsubscribeTokenResult Read(string? token) => new UnsubscribeToken(protection).Read(token, JapanTime.Today(clock));
}
