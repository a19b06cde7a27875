using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MemberHub.FollowUp;

/// <summary>Who an unsubscribe link is for: the member, the list the mail came from (null: none), the mailing, and until when the link works.</summary>
public sealed record UnsubscribeClaim(long MemberId, long? MailingListId, long MailingId, DateOnly ExpiresOn);

public enum UnsubscribeTokenStatus { Valid, Expired, Invalid }

public sealed record UnsubscribeTokenResult(UnsubscribeTokenStatus Status, UnsubscribeClaim? Claim);

/// <summary>
/// The token in an unsubscribe link: the claim encrypted and signed with ASP.NET Data Protection (keys kept in the
/// database, so every instance of the site reads every link). Nobody can make a link for another member or change
/// the list; the expiry is inside the protected text, so an expired link is told apart from a forged one.
/// </summary>
public sealed class UnsubscribeToken(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private const string Purpose = "MemberHub.Unsubscribe.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Create(UnsubscribeClaim claim) =>
        _protector.Protect(string.Join('|',
            claim.MemberId.ToString(CultureInfo.InvariantCulture),
            (claim.MailingListId ?? 0).ToString(CultureInfo.InvariantCulture),
            claim.MailingId.ToString(CultureInfo.InvariantCulture),
            claim.ExpiresOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));

    public UnsubscribeTokenResult Read(string? token, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return new(UnsubscribeTokenStatus.Invalid, null);
        string text;
        try
        {
            text = _protector.Unprotect(token.Trim());
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new(UnsubscribeTokenStatus.Invalid, null);
        }
        var parts = text.Split('|');
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var listId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var mailingId)
            || !DateOnly.TryParseExact(parts[3], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            return new(UnsubscribeTokenStatus.Invalid, null);
        var claim = new UnsubscribeClaim(memberId, listId == 0 ? null : listId, mailingId, expires);
        return today > expires ? new(UnsubscribeTokenStatus.Expired, claim) : new(UnsubscribeTokenStatus.Valid, claim);
    }
}
