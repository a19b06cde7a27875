using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.FollowUp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Infrastructure;

public static class DataSetup
{
    public static void AddMemberHubData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IAuditActor, CurrentUserAuditActor>();
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddSingleton<MemberStatsRefresher>();
        builder.Services.AddSingleton<IMemberStatsRefresher>(s => s.GetRequiredService<MemberStatsRefresher>());
        builder.Services.AddDbContext<MemberHubDbContext>((services, options) =>
        {
            var db = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (db.IsPostgres)
                options.UseNpgsql(db.ConnectionString, o => o.MigrationsAssembly("MemberHub.Migrations.Postgres"));
            else
                options.UseSqlite(SqliteConnectionString(db), o => o.MigrationsAssembly("MemberHub.Migrations.Sqlite"));
            options.AddInterceptors(services.GetRequiredService<AuditInterceptor>());
        });
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddDataProtection()
            .SetApplicationName("MemberHub")
            .PersistKeysToDbContext<MemberHubDbContext>();
        builder.Services.AddSingleton<DemoCredentials>();
    }

    public static string SqliteConnectionString(DatabaseOptions db)
    {
        if (!string.IsNullOrWhiteSpace(db.ConnectionString)) return db.ConnectionString;
        var folder = Path.GetFullPath(db.DataFolder);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "memberhub.db")}";
    }

    /// <summary>Applies migrations at start and, when asked, seeds the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets the list be read while someone saves.
            await db.Database.ExecuteSqlAsync($"PRAGMA journal_mode=WAL;");
        }
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.SeedDemoData)
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync();
    }
}
