namespace MemberHub.Volunteers;

/// <summary>How evenly a year's volunteering was spread: people per band of hours, and the share the busiest tenth carried.</summary>
public sealed record WorkSpread(IReadOnlyList<WorkSpread.Band> Bands, int People, long TotalMinutes, int BusiestTenthSharePercent)
{
    public sealed record Band(int FromHours, int? ToHours, int People);

    private static readonly int[] Edges = [0, 5, 10, 20, 40];

    /// <summary>From the minutes each active volunteer served (0 for someone who served nothing).</summary>
    public static WorkSpread Of(IEnumerable<int> minutesPerPerson)
    {
        var all = minutesPerPerson.OrderByDescending(m => m).ToList();
        var bands = new List<Band>();
        for (var i = 0; i < Edges.Length; i++)
        {
            var from = Edges[i];
            int? to = i + 1 < Edges.Length ? Edges[i + 1] : null;
            var count = all.Count(m => from == 0 ? m < (to ?? int.MaxValue) * 60 : m >= from * 60 && (to is null || m < to * 60));
            bands.Add(new Band(from, to, count));
        }
        long total = all.Sum(m => (long)m);
        var tenth = Math.Max(1, (all.Count + 9) / 10);
        long top = all.Take(tenth).Sum(m => (long)m);
        var share = total == 0 ? 0 : (int)Math.Round(100.0 * top / total);
        return new WorkSpread(bands, all.Count, total, share);
    }
}
