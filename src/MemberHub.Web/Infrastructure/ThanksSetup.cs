using MemberHub.Data;
using MemberHub.Messaging;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using MemberHub.Web.Pages.Mail.Thanks;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Infrastructure;

public static class ThanksSetup
{
    /// <summary>Thank-you notes (礼状): the letters' print job and the templates they are written from.</summary>
    public static void AddMemberHubThanks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDocumentJobProducer, ThankYouLettersProducer>();
        builder.Services.AddHostedService<ThankYouTemplateSeeder>();
    }
}

/// <summary>
/// Adds the thank-you templates an organisation does not have yet (donation and withdrawal texts came after the
/// billing migration seeded the first ones). In code rather than in a migration so that texts the organisation has
/// edited are never touched, and ids are given explicitly after the highest one, because the migration seeded
/// explicit ids without moving PostgreSQL's identity sequence.
/// </summary>
public sealed class ThankYouTemplateSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ThankYouTemplateSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await EnsureAsync(scope.ServiceProvider.GetRequiredService<MemberHubDbContext>(), clock, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Another instance added them at the same moment, or the database is not reachable yet: the defaults in code are used meanwhile.
            log.LogWarning(e, "Could not add the thank-you templates");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task EnsureAsync(MemberHubDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var keys = await db.MessageTemplates.Select(t => t.Key).ToListAsync(ct);
        var missing = ThankYouTemplates.Defaults.Where(d => !keys.Contains(d.Key)).ToList();
        if (missing.Count == 0) return;
        var next = (await db.MessageTemplates.MaxAsync(t => (long?)t.Id, ct) ?? 0) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var d in missing)
            db.MessageTemplates.Add(new MessageTemplate { Id = next++, Key = d.Key, Name = d.Name, Subject = d.Subject, Body = d.Body.ReplaceLineEndings("\n"), UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
