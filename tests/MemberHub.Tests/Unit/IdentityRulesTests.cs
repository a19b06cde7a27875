using MemberHub.Identity;
using MemberHub.Tests.Support;
using MemberHub.Web.Pages.Account;
using MemberHub.Web.Pages.Account.Manage;

namespace MemberHub.Tests.Unit;

public class IdentityRulesTests
{
    [Fact]
    public void Invitation_tokens_are_32_random_bytes_and_only_a_sha256_hash_is_kept()
    {
        var a = InvitationToken.Create();
        var b = InvitationToken.Create();
        Assert.NotEqual(a, b);
        Assert.Equal(32, Convert.FromBase64String(a.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Matches("^[0-9a-f]{64}$", InvitationToken.Hash(a));
        Assert.Equal(InvitationToken.Hash(a), InvitationToken.Hash(a));
        Assert.DoesNotContain(a, InvitationToken.Hash(a));
    }

    [Fact]
    public void An_invitation_is_pending_until_used_revoked_or_seven_days_old()
    {
        var created = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
        var invitation = new Invitation { CreatedAt = created, ExpiresAt = created + InvitationToken.Lifetime };
        Assert.Equal(InvitationState.Pending, invitation.StateAt(created.AddDays(6)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(created.AddDays(7)));
        invitation.RevokedAt = created.AddHours(1);
        Assert.Equal(InvitationState.Revoked, invitation.StateAt(created.AddHours(2)));
        invitation.AcceptedAt = created.AddMinutes(30);
        Assert.Equal(InvitationState.Accepted, invitation.StateAt(created.AddHours(2)));
    }

    [Fact]
    public void The_shared_key_is_shown_in_groups_of_four()
    {
        Assert.Equal("abcd efgh ijkl mnop qr", TwoFactorHandler.FormatKey("ABCDEFGHIJKLMNOPQR"));
    }

    [Fact]
    public void Codes_typed_with_spaces_or_full_width_digits_are_compacted()
    {
        Assert.Equal("123456", TwoFactorSignInHandler.Compact("１２３ ４５６"));
        Assert.Equal("abcde-12345", TwoFactorSignInHandler.Compact(" abcde-12345 "));
    }

    [Fact]
    public void The_test_totp_helper_matches_the_RFC_6238_vector()
    {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890": 94287082 at T=59 (8 digits), so 287082 with 6.
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("005924", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }
}
