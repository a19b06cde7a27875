using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Infrastructure;

/// <summary>
/// A second DbContext on the same connection, without the audit interceptor, for inserting made-up data in bulk
/// (demo members, benchmark data). Real changes by people always go through the audited context.
/// </summary>
public static class BulkContext
{
    public static MemberHubDbContext Over(MemberHubDbContext db)
    {
        // The model the app already built is reused: building it again costs about as much as seeding 300 members.
        var builder = new DbContextOptionsBuilder<MemberHubDbContext>().UseModel(db.Model);
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsNpgsql()) builder.UseNpgsql(connection);
        else builder.UseSqlite(connection);
        return new MemberHubDbContext(builder.Options);
    }
}
