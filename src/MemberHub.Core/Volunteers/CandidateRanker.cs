namespace MemberHub.Volunteers;

/// <summary>What the ranking needs to know about a request.</summary>
public sealed record RankingRequest(long Id, Occasion Occasion, IReadOnlyCollection<long> AreaIds);

/// <summary>A booking (an accepted request) that may clash with the one being filled.</summary>
public sealed record Booking(long RequestId, Occasion Occasion);

/// <summary>Everything about one possible volunteer that the ranking looks at, read from the database beforehand.</summary>
public sealed record CandidateFacts(
    long MemberId,
    string Name,
    IReadOnlyCollection<long> AreaIds,
    Availability Availability,
    int? MaxRequestsPerMonth,
    IReadOnlyList<(DateOnly From, DateOnly To)> Absences,
    IReadOnlyList<Booking> Bookings,
    int AskedThisMonth,
    int AskedLastYear,
    int ServedLastYear,
    DateOnly? LastAskedOn,
    DateOnly? LastServedOn);

public enum ReasonKind
{
    AreasMatched,        // value: matched count, of: needed count
    NoAreaNeeded,
    NoMatchingArea,
    Available,
    ByArrangement,
    NotAvailable,
    FlexiblePeriod,
    Away,
    DoubleBooked,        // value: the other request's id
    MonthlyLimitReached, // value: asked this month, of: limit
    MonthlyLoad,         // value: asked this month, of: limit (0 = no limit)
    NeverAsked,
    ActivityLastYear,    // value: asked, of: served
    LastContact,         // date: last asked or served
}

/// <summary>One reason for a candidate's place; the page turns it into Japanese.</summary>
public sealed record RankReason(ReasonKind Kind, int Value = 0, int Of = 0, DateOnly? Date = null, bool Excludes = false);

public sealed record RankedCandidate(long MemberId, string Name, int Rank, bool Eligible, IReadOnlyList<RankReason> Reasons)
{
    public int AreasMatched { get; init; }
    public bool ExactAvailability { get; init; }
    public int Load { get; init; }
    public DateOnly? LastContact { get; init; }
}

/// <summary>
/// Orders the people who could help with a request. Nobody who is away, already booked at an overlapping
/// time, at their monthly limit, without any of the needed areas, or not available at that time is
/// proposed; they are listed after the others with the reason. Among the rest: more of the needed areas
/// first, then people free at that time before those who said 相談による, then fairness: the fewest
/// requests and services in the last twelve months, then the longest since they were last asked or served
/// (never before anyone), and finally the member id, so equal candidates always come in the same order.
/// </summary>
public static class CandidateRanker
{
    public static IReadOnlyList<RankedCandidate> Rank(RankingRequest request, IEnumerable<CandidateFacts> candidates)
    {
        var needed = request.AreaIds as IReadOnlySet<long> ?? request.AreaIds.ToHashSet();
        var scored = new List<RankedCandidate>();
        foreach (var c in candidates)
            scored.Add(Assess(request, needed, c));

        var ordered = scored
            .OrderByDescending(c => c.Eligible)
            .ThenByDescending(c => c.AreasMatched)
            .ThenByDescending(c => c.ExactAvailability)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.LastContact ?? DateOnly.MinValue)
            .ThenBy(c => c.MemberId)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
            ordered[i] = ordered[i] with { Rank = i + 1 };
        return ordered;
    }

    private static RankedCandidate Assess(RankingRequest request, IReadOnlySet<long> needed, CandidateFacts c)
    {
        var reasons = new List<RankReason>();

        var matched = 0;
        foreach (var a in c.AreaIds)
            if (needed.Contains(a)) matched++;
        if (needed.Count == 0) reasons.Add(new(ReasonKind.NoAreaNeeded));
        else if (matched == 0) reasons.Add(new(ReasonKind.NoMatchingArea, 0, needed.Count, Excludes: true));
        else reasons.Add(new(ReasonKind.AreasMatched, matched, needed.Count));

        var exact = false;
        if (request.Occasion.IsFlexible)
        {
            exact = request.Occasion.Suits(c.Availability);
            reasons.Add(new(ReasonKind.FlexiblePeriod));
        }
        else if (request.Occasion.Suits(c.Availability))
        {
            exact = true;
            reasons.Add(new(ReasonKind.Available));
        }
        else if (c.Availability.HasFlag(Availability.ByArrangement))
        {
            reasons.Add(new(ReasonKind.ByArrangement));
        }
        else
        {
            reasons.Add(new(ReasonKind.NotAvailable, Excludes: true));
        }

        foreach (var (from, to) in c.Absences)
        {
            if (request.Occasion.IsFlexible ? request.Occasion.From >= from && request.Occasion.To <= to : request.Occasion.Touches(from, to))
            {
                reasons.Add(new(ReasonKind.Away, Date: from, Excludes: true));
                break;
            }
        }

        foreach (var b in c.Bookings)
        {
            if (b.RequestId != request.Id && b.Occasion.Overlaps(request.Occasion))
            {
                reasons.Add(new(ReasonKind.DoubleBooked, (int)b.RequestId, Excludes: true));
                break;
            }
        }

        if (c.MaxRequestsPerMonth is { } max && c.AskedThisMonth >= max)
            reasons.Add(new(ReasonKind.MonthlyLimitReached, c.AskedThisMonth, max, Excludes: true));
        else
            reasons.Add(new(ReasonKind.MonthlyLoad, c.AskedThisMonth, c.MaxRequestsPerMonth ?? 0));

        var load = c.AskedLastYear + c.ServedLastYear;
        DateOnly? last = (c.LastAskedOn, c.LastServedOn) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } s) => s,
            ({ } a, { } s) => a > s ? a : s,
        };
        if (load == 0 && last is null) reasons.Add(new(ReasonKind.NeverAsked));
        else
        {
            reasons.Add(new(ReasonKind.ActivityLastYear, c.AskedLastYear, c.ServedLastYear));
            if (last is not null) reasons.Add(new(ReasonKind.LastContact, Date: last));
        }

        return new RankedCandidate(c.MemberId, c.Name, 0, !reasons.Any(r => r.Excludes), reasons)
        {
            AreasMatched = matched,
            ExactAvailability = exact,
            Load = load,
            LastContact = last,
        };
    }
}
