using System.Security.Claims;
using MemberHub.Auditing;

namespace MemberHub.Web.Infrastructure;

/// <summary>The signed-in user as the actor of audited changes; the system when there is no request.</summary>
public sealed class CurrentUserAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName =>
        http.HttpContext?.User.FindFirstValue(AppClaims.DisplayName)
        ?? http.HttpContext?.User.Identity?.Name
        ?? "システム";
}
