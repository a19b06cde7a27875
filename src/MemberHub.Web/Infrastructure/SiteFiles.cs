namespace MemberHub.Web.Infrastructure;

/// <summary>
/// The static files live in the repository's top-level wwwroot (house style). The build copies them next
/// to the program; when run from the source tree (dotnet run, tests) the top-level folder is used directly.
/// </summary>
public static class SiteFiles
{
    public static string? FindWebRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MemberHub.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideProgram) ? besideProgram : null;
    }
}
