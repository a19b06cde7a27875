using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration;

/// <summary>Fails when the model has changes that no migration covers, for each provider.</summary>
public class SqliteMigrationTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task The_Sqlite_migrations_cover_the_model()
    {
        app.EnsureStarted();
        await app.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run .ci/add-migration NAME");
        });
    }
}

public class PostgresMigrationTests(PostgresMemberHubFactory app) : IClassFixture<PostgresMemberHubFactory>
{
    [Fact]
    public async Task The_Postgres_migrations_cover_the_model()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        await app.WithDbAsync(async db =>
        {
            Assert.True(db.Database.IsNpgsql());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run .ci/add-migration NAME");
        });
    }
}
