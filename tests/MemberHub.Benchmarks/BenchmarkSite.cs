using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MemberHub.Benchmarks;

/// <summary>The real site on a real port (Kestrel), in Production mode with quiet logs, over the benchmark's database.</summary>
public sealed class BenchmarkSite(string dataFolder, string? postgres) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(WebProjectFolder());
        builder.UseEnvironment("Production");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        // Migrate probes a PostgreSQL database before creating it, and EF logs that expected failure as an error.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection", "None");
        builder.UseSetting("Database:DataFolder", dataFolder);
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", postgres);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
        }
    }

    /// <summary>src/MemberHub.Web of the checkout the benchmark runs from (for appsettings.json).</summary>
    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "MemberHub.Web");
            if (File.Exists(Path.Combine(dir.FullName, "MemberHub.sln")) && Directory.Exists(web)) return web;
        }
        return AppContext.BaseDirectory;
    }

    public Uri Start()
    {
        this.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        return ClientOptions.BaseAddress;
    }
}
