using System.Net;
using MemberHub.Data;
using MemberHub.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MemberHub.Tests.Support;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// The real site over a real, migrated database of its own: a SQLite file in a temp folder, or a fresh
/// database on the test PostgreSQL server. One per test class (IClassFixture); tests within a class
/// share it, so they create their own data with unique values.
/// </summary>
public class MemberHubFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 2026-11-23 10:00 in Japan.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "memberhub-test-" + Guid.NewGuid().ToString("N")[..10]);
    private string? _postgresDatabase;
    private string? _postgresAdmin;

    public MemberHubFactory() : this(DatabaseKind.Sqlite, null) { }

    protected MemberHubFactory(DatabaseKind kind, PostgresServer? postgres)
    {
        Kind = kind;
        Directory.CreateDirectory(_folder);
        if (kind == DatabaseKind.Postgres)
        {
            // Tests skip themselves through Unavailable; building the host without a server would only fail.
            Unavailable = postgres?.ConnectionString is null ? postgres?.WhyUnavailable ?? "no PostgreSQL server" : null;
            _postgresAdmin = postgres?.ConnectionString;
            _postgresDatabase = "mh_" + Guid.NewGuid().ToString("N")[..12];
        }
    }

    public DatabaseKind Kind { get; }

    /// <summary>Why this database cannot be used here (PostgreSQL not installed), or null.</summary>
    public string? Unavailable { get; }

    /// <summary>Call first in a test: skips it (rather than failing) when its database is not available.</summary>
    public void SkipIfUnavailable() => Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");
    public FakeTimeProvider Clock { get; } = new(StartTime);
    public string DataFolder => _folder;

    /// <summary>Extra settings a test class wants (e.g. SMTP); applied before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataFolder", _folder);
        if (Kind == DatabaseKind.Postgres)
        {
            var cs = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresDatabase }.ConnectionString;
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", cs);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "test.db")}");
        }
        foreach (var (k, v) in Settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>Runs code against the app's own DbContext (built from the app's services, so the model matches).</summary>
    public async Task<T> WithDbAsync<T>(Func<MemberHubDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        return await work(db);
    }

    public Task WithDbAsync(Func<MemberHubDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Creates a user with the given role directly (no HTTP), with a password the tests know.</summary>
    public async Task<AppUser> CreateUserAsync(string role, string? email = null, string? displayName = null, long? memberId = null)
    {
        EnsureStarted();
        return await WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp",
                Email = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp",
                EmailConfirmed = true,
                DisplayName = displayName ?? $"{Roles.Label(role)} 太郎",
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            };
            user.Email = user.UserName;
            var r = await users.CreateAsync(user, TestPassword);
            if (!r.Succeeded) throw new InvalidOperationException(string.Join(", ", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (memberId is { } id)
            {
                var db = sp.GetRequiredService<MemberHubDbContext>();
                var member = await db.Members.SingleAsync(m => m.Id == id);
                member.UserId = user.Id;
                await db.SaveChangesAsync();
            }
            return user;
        });
    }

    public const string TestPassword = "correct horse battery staple";

    /// <summary>A client signed in through the real login form as a new user with this role.</summary>
    public async Task<SignedInClient> SignInAsAsync(string role, long? memberId = null)
    {
        var user = await CreateUserAsync(role, memberId: memberId);
        var client = CreateAnonymousClient();
        await client.SignInAsync(user.Email!, TestPassword);
        return new SignedInClient(client, user);
    }

    /// <summary>Starts the host (TestServer or, for <see cref="BrowserSite"/>, Kestrel; `Server` throws under Kestrel).</summary>
    public void EnsureStarted() => _ = Services;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (_postgresDatabase is not null && _postgresAdmin is not null)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                using var conn = new NpgsqlConnection(_postgresAdmin);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { }
        }
    }
}

/// <summary>The same site on PostgreSQL; construct through xunit with the assembly's <see cref="PostgresServer"/>.</summary>
public class PostgresMemberHubFactory(PostgresServer server) : MemberHubFactory(DatabaseKind.Postgres, server)
{
}

public sealed record SignedInClient(HttpClient Http, AppUser User);

public static class StatusCodes
{
    public static bool IsRedirectToLogin(this HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true;
}
