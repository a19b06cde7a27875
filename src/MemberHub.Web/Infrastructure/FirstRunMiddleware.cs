using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Infrastructure;

/// <summary>Remembers once there is a user, so the first-run check costs one query per process, not per request.</summary>
public sealed class FirstRunState
{
    private volatile bool _hasUsers;

    public async Task<bool> HasUsersAsync(MemberHubDbContext db)
    {
        if (_hasUsers) return true;
        _hasUsers = await db.Users.AnyAsync();
        return _hasUsers;
    }

    public void MarkDone() => _hasUsers = true;
}

/// <summary>Until the first administrator exists, every page leads to the first-run set-up (初期設定).</summary>
public sealed class FirstRunMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, FirstRunState state, MemberHubDbContext db)
    {
        var path = ctx.Request.Path;
        if (!path.StartsWithSegments("/Setup") && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css")
            && !path.StartsWithSegments("/js") && !await state.HasUsersAsync(db))
        {
            ctx.Response.Redirect("/Setup");
            return;
        }
        await next(ctx);
    }
}
