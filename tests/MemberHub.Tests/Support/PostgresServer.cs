using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

[assembly: AssemblyFixture(typeof(MemberHub.Tests.Support.PostgresServer))]

namespace MemberHub.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1, started once for the whole test run when PostgreSQL is
/// installed (.ci/run installs it), and removed at the end. Without PostgreSQL the Postgres variants skip.
/// MEMBERHUB_TEST_POSTGRES may name an existing server instead ("Host=…;Port=…;Username=…;Password=…").
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dir;
    private string? _binDir;

    public string? ConnectionString { get; private set; }
    public string? WhyUnavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("MEMBERHUB_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }
        _binDir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_binDir is null)
        {
            WhyUnavailable = "PostgreSQL is not installed (run .ci/setup-machine)";
            return;
        }
        _dir = Path.Combine(Path.GetTempPath(), "memberhub-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) await Run("chown", $"postgres {_dir}");
        await RunAs(asRoot, Path.Combine(_binDir, "initdb"), $"-D {_dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await RunAs(asRoot, Path.Combine(_binDir, "pg_ctl"),
            $"-D {_dir}/data -o \"-p {port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" -l {_dir}/log -w start");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=true;Maximum Pool Size=20";
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is null || _binDir is null) return;
        try { await RunAs(Environment.UserName == "root", Path.Combine(_binDir, "pg_ctl"), $"-D {_dir}/data -m immediate stop"); }
        catch (InvalidOperationException) { /* already gone */ }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static Task RunAs(bool asRoot, string program, string args) =>
        asRoot ? Run("runuser", $"-u postgres -- {program} {args}") : Run(program, args);

    private static async Task Run(string program, string args)
    {
        var psi = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{program} {args} failed ({p.ExitCode}): {await stdout} {await stderr}");
    }
}
