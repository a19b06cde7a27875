using MemberHub.Web.FollowUp;

namespace MemberHub.Web.Infrastructure;

public static class FollowUpSetup
{
    /// <summary>Reclassification after a change of rules, and the daily re-placement as time passes.</summary>
    public static void AddMemberHubFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ReclassificationProgress>();
        builder.Services.AddSingleton<ReclassificationSignal>();
        builder.Services.AddSingleton<DailyPlacementRefresh>();
        builder.Services.AddHostedService<ReclassificationWorker>();
        builder.Services.AddHostedService<DailyPlacementWorker>();
    }
}
