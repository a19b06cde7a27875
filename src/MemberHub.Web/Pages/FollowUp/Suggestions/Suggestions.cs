using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Suggestions;

public sealed record SuggestionInput(long? EventId, string? Keywords, string? Date);

public sealed record EventChoice(long Id, string Title, DateOnly HeldOn, string? Keywords);

public sealed record Suggestion(long MemberId, int MemberNumber, string Name, IReadOnlyList<string> Reasons, IReadOnlyList<string> Warnings,
    string? PreferredChannel);

public sealed record SuggestionResult(string? Title, IReadOnlyList<string> Keywords, DateOnly? Date, string? Weekday, IReadOnlyList<Suggestion> People,
    IReadOnlyList<string> Errors);

/// <summary>
/// 個客: for an event or a mailing, the people it suits by what staff recorded about them (hobbies, likes, tags) or
/// because the day is their day off, each with why, and with a warning where they asked not to be contacted a way.
/// </summary>
public sealed class SuggestionsQuery(MemberHubDbContext db, TimeProvider clock)
{
    private const int Limit = 300;

    public async Task<IReadOnlyList<EventChoice>> EventsAsync(CancellationToken ct = default)
    {
        var from = JapanTime.Today(clock).AddDays(-30);
        return await db.OrganisationEvents.AsNoTracking().Where(e => !e.IsCancelled && e.HeldOn >= from)
            .OrderBy(e => e.HeldOn).Take(100).Select(e => new EventChoice(e.Id, e.Title, e.HeldOn, e.Keywords)).ToListAsync(ct);
    }

    public async Task<SuggestionResult?> SuggestAsync(SuggestionInput input, CancellationToken ct = default)
    {
        string? title = null;
        var keywordText = input.Keywords;
        var date = DateInput.TryParse(input.Date);
        var errors = new List<string>();
        if (input.EventId is { } eventId)
        {
            var e = await db.OrganisationEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
            if (e is null) return null;
            title = e.Title;
            if (string.IsNullOrWhiteSpace(keywordText)) keywordText = e.Keywords;
            date ??= e.HeldOn;
        }
        else if (!string.IsNullOrWhiteSpace(input.Date) && date is null)
        {
            errors.Add("日付は 2026-04-01 の形で入力してください。");
        }
        var keywords = (keywordText ?? "").Split([' ', '　', ',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => k.Length <= 30).Distinct().Take(10).ToList();
        if (keywords.Count == 0 && date is null && errors.Count == 0)
            errors.Add("イベントを選ぶか、キーワードか日付を入力してください。");
        if (errors.Count > 0) return new(title, keywords, date, null, [], errors);

        var day = date is { } d ? DayFlag(d.DayOfWeek) : Weekdays.None;
        var active = db.Members.AsNoTracking().Where(m => !m.IsArchived && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Applying));
        var ids = new HashSet<long>();
        // A query per keyword (at most ten): each is an indexed scan of the active members, and the union stays small.
        foreach (var k in keywords)
        {
            ids.UnionWith(await active.Where(m => (m.Hobbies != null && m.Hobbies.Contains(k)) || (m.Likes != null && m.Likes.Contains(k))
                    || m.Tags.Any(t => t.Tag!.Name.Contains(k)))
                .OrderBy(m => m.MemberNumber).Select(m => m.Id).Take(Limit).ToListAsync(ct));
        }
        if (day != Weekdays.None)
        {
            var flag = (int)day;
            ids.UnionWith(await active.Where(m => ((int)m.DaysOff & flag) != 0).OrderBy(m => m.MemberNumber).Select(m => m.Id).Take(Limit).ToListAsync(ct));
        }
        var people = new List<Suggestion>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id))
                .Select(m => new
                {
                    m.Id, m.MemberNumber, m.Name, m.Hobbies, m.Likes, m.Dislikes, m.DaysOff, m.PreferredChannel,
                    m.RefusesPhone, m.RefusesEmail, m.RefusesPost, m.NoNewsletters, m.Email,
                    Tags = m.Tags.Select(t => t.Tag!.Name).ToList(),
                })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var reasons = new List<string>();
                foreach (var k in keywords)
                {
                    if (r.Hobbies?.Contains(k, StringComparison.Ordinal) == true) reasons.Add($"趣味に「{k}」");
                    else if (r.Likes?.Contains(k, StringComparison.Ordinal) == true) reasons.Add($"好きなものに「{k}」");
                    else if (r.Tags.Any(t => t.Contains(k, StringComparison.Ordinal))) reasons.Add($"タグに「{k}」");
                }
                if (day != Weekdays.None && r.DaysOff.HasFlag(day)) reasons.Add($"{MemberLabels.Of(day)}曜日がお休み");
                if (reasons.Count == 0) continue;
                var warnings = new List<string>();
                if (r.RefusesPhone) warnings.Add("電話は控えてほしい");
                if (r.RefusesEmail) warnings.Add("メールは控えてほしい");
                if (r.RefusesPost) warnings.Add("郵送は控えてほしい");
                if (r.NoNewsletters) warnings.Add("一斉メール・会報は不要");
                foreach (var k in keywords.Where(k => r.Dislikes?.Contains(k, StringComparison.Ordinal) == true))
                    warnings.Add($"苦手なものに「{k}」");
                people.Add(new Suggestion(r.Id, r.MemberNumber, r.Name, reasons, warnings, r.PreferredChannel is { } c ? MemberLabels.Of(c) : null));
            }
        }
        var ordered = people.OrderByDescending(p => p.Reasons.Count).ThenBy(p => p.Warnings.Count).ThenBy(p => p.MemberNumber).ToList();
        return new(title, keywords, date, day == Weekdays.None ? null : MemberLabels.Of(day), ordered, []);
    }

    public static Weekdays DayFlag(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.Sunday,
    };
}
