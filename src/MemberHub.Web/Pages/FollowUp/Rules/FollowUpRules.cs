using System.Globalization;
using System.Text;
using System.Text.Json;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Web.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Rules;

public sealed record RulesView(ClassificationRules Rules, IReadOnlyList<(string Name, string Rule)> Described, int Version, DateTime? UpdatedAt, ReclassificationView Progress);

public sealed record ReclassificationView(bool Running, int Done, int Total, DateTime? FinishedAt)
{
    public int Percent => Total == 0 ? (Running ? 0 : 100) : (int)(100L * Done / Total);
}

public sealed class RulesQuery(MemberHubDbContext db, ReclassificationProgress progress)
{
    public async Task<RulesView> RunAsync(CancellationToken ct = default)
    {
        var row = await db.FollowUpSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, ct);
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);
        return new RulesView(rules, SupporterClassifier.Describe(rules), row?.Version ?? 0, row?.UpdatedAt, Progress());
    }

    public ReclassificationView Progress()
    {
        var s = progress.Snapshot;
        return new ReclassificationView(s.Running, s.Done, s.Total, s.FinishedAt);
    }
}

/// <summary>The thresholds as typed (text, so that "１２" or "abc" gets a Japanese answer rather than a binder's English).</summary>
public sealed class RulesInput
{
    public string? DormantAfterMonths { get; set; }
    public string? StopMailingAfterMonths { get; set; }
    public string? LoyalMinYears { get; set; }
    public string? LoyalMaxGapMonths { get; set; }
    public string? BurstMinPayments { get; set; }
    public string? BurstWindowMonths { get; set; }
    public string? BurstQuietMonths { get; set; }
    public string? FanMinPayments { get; set; }
    public string? FanMinYears { get; set; }
    public int Version { get; set; }

    public static RulesInput From(ClassificationRules r, int version) => new()
    {
        DormantAfterMonths = S(r.DormantAfterMonths), StopMailingAfterMonths = S(r.StopMailingAfterMonths),
        LoyalMinYears = S(r.LoyalMinYears), LoyalMaxGapMonths = S(r.LoyalMaxGapMonths),
        BurstMinPayments = S(r.BurstMinPayments), BurstWindowMonths = S(r.BurstWindowMonths), BurstQuietMonths = S(r.BurstQuietMonths),
        FanMinPayments = S(r.FanMinPayments), FanMinYears = S(r.FanMinYears), Version = version,
    };

    private static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
}

public sealed record SaveRulesResult(IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Admin's new thresholds: checked, saved (audited through FollowUpSettings), and everyone placed again in the background.</summary>
public sealed class SaveRulesHandler(MemberHubDbContext db, ReclassificationSignal signal, ReclassificationProgress progress, TimeProvider clock)
{
    public async Task<SaveRulesResult> HandleAsync(RulesInput input, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        int Read(string field, string? text)
        {
            var t = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
            errors.Add((field, t.Length == 0 ? "数を入力してください。" : "半角または全角の数字だけで入力してください。"));
            return -1;
        }
        var rules = new ClassificationRules
        {
            DormantAfterMonths = Read(nameof(RulesInput.DormantAfterMonths), input.DormantAfterMonths),
            StopMailingAfterMonths = Read(nameof(RulesInput.StopMailingAfterMonths), input.StopMailingAfterMonths),
            LoyalMinYears = Read(nameof(RulesInput.LoyalMinYears), input.LoyalMinYears),
            LoyalMaxGapMonths = Read(nameof(RulesInput.LoyalMaxGapMonths), input.LoyalMaxGapMonths),
            BurstMinPayments = Read(nameof(RulesInput.BurstMinPayments), input.BurstMinPayments),
            BurstWindowMonths = Read(nameof(RulesInput.BurstWindowMonths), input.BurstWindowMonths),
            BurstQuietMonths = Read(nameof(RulesInput.BurstQuietMonths), input.BurstQuietMonths),
            FanMinPayments = Read(nameof(RulesInput.FanMinPayments), input.FanMinPayments),
            FanMinYears = Read(nameof(RulesInput.FanMinYears), input.FanMinYears),
        };
        if (errors.Count > 0) return new SaveRulesResult(errors);
        var problems = rules.Problems();
        if (problems.Count > 0) return new SaveRulesResult(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.FollowUpSettings.FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (row is null)
        {
            row = new FollowUpSettings { Id = 1 };
            db.FollowUpSettings.Add(row);
        }
        else if (row.Version != input.Version)
        {
            return new SaveRulesResult([("", "ほかの人が先にルールを変更しました。画面を開き直して、もう一度入力してください。")]);
        }
        row.RulesJson = JsonSerializer.Serialize(rules);
        row.Version++;
        row.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveRulesResult([("", "ほかの人が先にルールを変更しました。画面を開き直して、もう一度入力してください。")]);
        }
        progress.Requested(now);
        signal.Raise();
        return new SaveRulesResult([]);
    }
}
