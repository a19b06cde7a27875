using System.Globalization;

namespace MemberHub.Benchmarks;

/// <summary>Command line: --members 100000 --requests 200 --warmup 20 --postgres "Host=…;Database=…" --data /tmp/folder --keep</summary>
public sealed record BenchmarkOptions(int Members, int Requests, int Warmup, string? Postgres, string? DataFolder, bool Keep)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int members = 100_000, requests = 200, warmup = 20;
        string? postgres = null, data = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--members": members = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = Next(); break;
                case "--data": data = Next(); break;
                case "--keep": keep = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new BenchmarkOptions(members, requests, warmup, postgres, data, keep);
    }
}
