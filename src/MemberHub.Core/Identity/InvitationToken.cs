using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MemberHub.Identity;

/// <summary>
/// The secret in an invitation link: 32 random bytes, base64url. Only its SHA-256 hash is stored, so a
/// copy of the database cannot be turned into working links.
/// </summary>
public static class InvitationToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}

public enum InvitationState { Pending, Accepted, Revoked, Expired }

public static class InvitationStates
{
    public static InvitationState StateAt(this Invitation invitation, DateTime utcNow) =>
        invitation.AcceptedAt is not null ? InvitationState.Accepted
        : invitation.RevokedAt is not null ? InvitationState.Revoked
        : invitation.ExpiresAt <= utcNow ? InvitationState.Expired
        : InvitationState.Pending;

    public static string Label(this InvitationState state) => state switch
    {
        InvitationState.Pending => "未使用",
        InvitationState.Accepted => "登録済み",
        InvitationState.Revoked => "取り消し",
        InvitationState.Expired => "期限切れ",
        _ => state.ToString(),
    };
}
