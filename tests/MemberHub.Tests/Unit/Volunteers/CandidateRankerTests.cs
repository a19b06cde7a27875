using MemberHub.Volunteers;

namespace MemberHub.Tests.Unit.Volunteers;

public class CandidateRankerTests
{
    private const long Reception = 1, Photos = 2, English = 3;
    // Saturday 5 December 2026, 10:00–15:00 (a weekend morning and afternoon).
    private static readonly DateOnly Saturday = new(2026, 12, 5);
    private static readonly DateOnly Tuesday = new(2026, 12, 8);
    private static readonly RankingRequest Festival = new(100, Occasion.Fixed(Saturday, new(10, 0), new(15, 0)), [Reception, Photos]);

    private const Availability Weekends = Availability.WeekendMorning | Availability.WeekendAfternoon | Availability.WeekendEvening;

    private static CandidateFacts Person(long id, long[]? areas = null, Availability availability = Weekends, int? max = null,
        (DateOnly, DateOnly)[]? away = null, Booking[]? bookings = null, int askedThisMonth = 0, int asked = 0, int served = 0,
        DateOnly? lastAsked = null, DateOnly? lastServed = null) =>
        new(id, $"会員{id}", areas ?? [Reception], availability, max, away ?? [], bookings ?? [], askedThisMonth, asked, served, lastAsked, lastServed);

    private static List<long> Order(RankingRequest request, params CandidateFacts[] people) =>
        CandidateRanker.Rank(request, people).Where(c => c.Eligible).Select(c => c.MemberId).ToList();

    private static RankedCandidate One(RankingRequest request, CandidateFacts person) => CandidateRanker.Rank(request, [person]).Single();

    [Fact]
    public void Someone_without_any_needed_area_is_not_proposed()
    {
        var c = One(Festival, Person(1, areas: [English]));
        Assert.False(c.Eligible);
        Assert.Contains(c.Reasons, r => r.Kind == ReasonKind.NoMatchingArea && r.Excludes);
    }

    [Fact]
    public void More_of_the_needed_areas_ranks_higher_than_fairness()
    {
        var both = Person(1, areas: [Reception, Photos], asked: 10, served: 10, lastServed: new(2026, 11, 1));
        var one = Person(2, areas: [Reception]);
        Assert.Equal([1, 2], Order(Festival, one, both));
        Assert.Contains(CandidateRanker.Rank(Festival, [both])[0].Reasons, r => r.Kind == ReasonKind.AreasMatched && r.Value == 2 && r.Of == 2);
    }

    [Fact]
    public void A_request_without_areas_takes_anyone()
    {
        var open = Festival with { AreaIds = [] };
        Assert.True(One(open, Person(1, areas: [English])).Eligible);
    }

    [Fact]
    public void Weekday_only_people_are_not_proposed_for_a_saturday()
    {
        var c = One(Festival, Person(1, availability: Availability.WeekdayMorning | Availability.WeekdayAfternoon));
        Assert.False(c.Eligible);
        Assert.Contains(c.Reasons, r => r.Kind == ReasonKind.NotAvailable);
    }

    [Fact]
    public void Every_part_of_the_day_the_work_touches_must_be_free()
    {
        // 10:00–15:00 needs the morning and the afternoon.
        Assert.False(One(Festival, Person(1, availability: Availability.WeekendMorning)).Eligible);
        Assert.True(One(Festival, Person(2, availability: Availability.WeekendMorning | Availability.WeekendAfternoon)).Eligible);
        var evening = Festival with { Occasion = Occasion.Fixed(Tuesday, new(18, 30), new(20, 0)) };
        Assert.True(One(evening, Person(3, availability: Availability.WeekdayEvening)).Eligible);
        Assert.False(One(evening, Person(4, availability: Availability.WeekdayAfternoon)).Eligible);
    }

    [Fact]
    public void By_arrangement_is_proposed_after_those_free_at_that_time()
    {
        var arrange = Person(1, availability: Availability.ByArrangement);
        var free = Person(2, asked: 5, lastAsked: new(2026, 11, 20));
        Assert.Equal([2, 1], Order(Festival, arrange, free));
        Assert.Contains(One(Festival, arrange).Reasons, r => r.Kind == ReasonKind.ByArrangement && !r.Excludes);
    }

    [Fact]
    public void A_flexible_period_suits_anyone_with_some_time()
    {
        var flexible = Festival with { Occasion = Occasion.Flexible(new(2026, 12, 1), new(2026, 12, 20)) };
        Assert.True(One(flexible, Person(1, availability: Availability.WeekdayEvening)).Eligible);
    }

    [Fact]
    public void Someone_away_on_the_day_is_not_proposed()
    {
        var c = One(Festival, Person(1, away: [(new(2026, 12, 1), new(2026, 12, 6))]));
        Assert.False(c.Eligible);
        Assert.Contains(c.Reasons, r => r.Kind == ReasonKind.Away && r.Date == new DateOnly(2026, 12, 1));
        Assert.True(One(Festival, Person(2, away: [(new(2026, 12, 6), new(2026, 12, 10))])).Eligible);
    }

    [Fact]
    public void Away_for_part_of_a_flexible_period_still_leaves_time()
    {
        var flexible = Festival with { Occasion = Occasion.Flexible(new(2026, 12, 1), new(2026, 12, 20)) };
        Assert.True(One(flexible, Person(1, away: [(new(2026, 12, 1), new(2026, 12, 10))])).Eligible);
        Assert.False(One(flexible, Person(2, away: [(new(2026, 11, 30), new(2026, 12, 31))])).Eligible);
    }

    [Fact]
    public void Someone_booked_at_an_overlapping_time_is_not_proposed()
    {
        var morning = new Booking(7, Occasion.Fixed(Saturday, new(9, 0), new(11, 0)));
        var c = One(Festival, Person(1, bookings: [morning]));
        Assert.False(c.Eligible);
        Assert.Contains(c.Reasons, r => r.Kind == ReasonKind.DoubleBooked && r.Value == 7);
    }

    [Fact]
    public void Bookings_that_only_touch_or_are_on_another_day_do_not_clash()
    {
        var before = new Booking(7, Occasion.Fixed(Saturday, new(8, 0), new(10, 0)));
        var after = new Booking(8, Occasion.Fixed(Saturday, new(15, 0), new(17, 0)));
        var otherDay = new Booking(9, Occasion.Fixed(Tuesday, new(10, 0), new(15, 0)));
        Assert.True(One(Festival, Person(1, bookings: [before, after, otherDay])).Eligible);
    }

    [Fact]
    public void A_day_without_times_overlaps_anything_that_day()
    {
        var allDay = new Booking(7, Occasion.Fixed(Saturday));
        Assert.False(One(Festival, Person(1, bookings: [allDay])).Eligible);
    }

    [Fact]
    public void The_own_request_is_not_a_clash()
    {
        var same = new Booking(Festival.Id, Festival.Occasion);
        Assert.True(One(Festival, Person(1, bookings: [same])).Eligible);
    }

    [Fact]
    public void Nobody_beyond_their_monthly_limit()
    {
        var full = One(Festival, Person(1, max: 2, askedThisMonth: 2));
        Assert.False(full.Eligible);
        Assert.Contains(full.Reasons, r => r.Kind == ReasonKind.MonthlyLimitReached && r.Value == 2 && r.Of == 2);
        Assert.True(One(Festival, Person(2, max: 2, askedThisMonth: 1)).Eligible);
        Assert.True(One(Festival, Person(3, max: null, askedThisMonth: 9)).Eligible);
    }

    [Fact]
    public void A_limit_of_zero_means_no_requests()
    {
        Assert.False(One(Festival, Person(1, max: 0)).Eligible);
    }

    [Fact]
    public void Those_asked_or_serving_least_often_come_first()
    {
        var busy = Person(1, asked: 6, served: 5, lastServed: new(2026, 6, 1));
        var some = Person(2, asked: 2, served: 1, lastServed: new(2026, 11, 15));
        var never = Person(3);
        Assert.Equal([3, 2, 1], Order(Festival, busy, some, never));
    }

    [Fact]
    public void At_equal_load_the_longest_since_last_asked_or_served_comes_first()
    {
        var recent = Person(1, asked: 2, lastAsked: new(2026, 11, 20));
        var longAgo = Person(2, asked: 2, lastAsked: new(2026, 3, 1));
        var servedRecently = Person(3, asked: 1, served: 1, lastAsked: new(2026, 1, 1), lastServed: new(2026, 11, 22));
        Assert.Equal([2, 1, 3], Order(Festival, recent, longAgo, servedRecently));
    }

    [Fact]
    public void Ties_are_broken_by_member_id_so_the_order_never_changes()
    {
        var people = Enumerable.Range(1, 6).Select(i => Person(10 - i)).ToArray();
        var first = Order(Festival, people);
        var second = Order(Festival, people.Reverse().ToArray());
        Assert.Equal([4, 5, 6, 7, 8, 9], first);
        Assert.Equal(first, second);
        Assert.Equal([1, 2, 3, 4, 5, 6], CandidateRanker.Rank(Festival, people).Select(c => c.Rank));
    }

    [Fact]
    public void Excluded_people_are_listed_after_everyone_proposed_with_their_reason()
    {
        var ranked = CandidateRanker.Rank(Festival, [Person(1, max: 0), Person(2), Person(3, areas: [English])]);
        Assert.Equal([2, 1, 3], ranked.Select(c => c.MemberId));
        Assert.True(ranked[0].Eligible);
        Assert.All(ranked.Skip(1), c => Assert.Contains(c.Reasons, r => r.Excludes));
    }

    [Fact]
    public void Each_candidate_says_why()
    {
        var c = One(Festival, Person(1, asked: 3, served: 2, askedThisMonth: 1, max: 4, lastServed: new(2026, 10, 10)));
        Assert.Equal(
            [ReasonKind.AreasMatched, ReasonKind.Available, ReasonKind.MonthlyLoad, ReasonKind.ActivityLastYear, ReasonKind.LastContact],
            c.Reasons.Select(r => r.Kind));
        Assert.Contains(c.Reasons, r => r.Kind == ReasonKind.LastContact && r.Date == new DateOnly(2026, 10, 10));
        Assert.Contains(One(Festival, Person(2)).Reasons, r => r.Kind == ReasonKind.NeverAsked);
    }
}

public class OccasionTests
{
    [Fact]
    public void A_weekday_afternoon_needs_the_weekday_afternoon()
    {
        Assert.Equal(Availability.WeekdayAfternoon, Occasion.Fixed(new(2026, 12, 8), new(13, 0), new(16, 0)).NeededSlots());
    }

    [Fact]
    public void A_start_time_without_an_end_is_the_part_of_day_it_starts_in()
    {
        Assert.Equal(Availability.WeekendEvening, Occasion.Fixed(new(2026, 12, 6), new(18, 0)).NeededSlots());
    }

    [Fact]
    public void A_day_without_times_suits_anyone_free_some_part_of_that_kind_of_day()
    {
        var sunday = Occasion.Fixed(new(2026, 12, 6));
        Assert.True(sunday.Suits(Availability.WeekendEvening));
        Assert.False(sunday.Suits(Availability.WeekdayMorning));
    }

    [Fact]
    public void Flexible_requests_never_overlap()
    {
        Assert.False(Occasion.Flexible(new(2026, 12, 1), new(2026, 12, 31)).Overlaps(Occasion.Fixed(new(2026, 12, 5))));
    }
}

public class WorkSpreadTests
{
    [Fact]
    public void People_are_counted_in_bands_of_hours_and_the_busiest_tenth_share_is_given()
    {
        var minutes = new[] { 0, 0, 0, 120, 600, 600, 1500, 3000, 0, 0 };
        var spread = WorkSpread.Of(minutes);
        Assert.Equal([6, 0, 2, 1, 1], spread.Bands.Select(b => b.People));
        Assert.Equal(10, spread.People);
        Assert.Equal(5820, spread.TotalMinutes);
        Assert.Equal(52, spread.BusiestTenthSharePercent);
    }
}
