using System.Globalization;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Segments;

/// <summary>
/// The segment editor's fields as typed: numbers, dates and yen as text, so a wrong entry gets a Japanese message
/// beside its field instead of the framework's English one; lists of checkboxes bind directly.
/// </summary>
public sealed class SegmentInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<SupporterClass> Classes { get; set; } = [];
    public List<SupporterStage> Stages { get; set; } = [];
    public List<Dormancy> Dormancies { get; set; } = [];
    public List<long> MemberClassIds { get; set; } = [];
    public List<MemberStatus> Statuses { get; set; } = [];
    public List<long> TagIds { get; set; } = [];
    public string? Interest { get; set; }
    public List<long> VolunteerAreaIds { get; set; } = [];
    public List<string> Prefectures { get; set; } = [];
    public string? BirthdayMonth { get; set; }
    public string? JoinedYearFrom { get; set; }
    public string? JoinedYearTo { get; set; }
    public string? LastPaymentBefore { get; set; }
    public string? LastPaymentOnOrAfter { get; set; }
    public string? LastContactBefore { get; set; }
    public string? LastContactOnOrAfter { get; set; }
    public string? PaidFrom { get; set; }
    public string? PaidTo { get; set; }
    public string? PaidMin { get; set; }
    public string? PaidMax { get; set; }
    public string? PreferredChannel { get; set; }
    public string? HasEmail { get; set; }
    public string? RefusesEmail { get; set; }
    public string? RefusesPost { get; set; }
    public string? RefusesPhone { get; set; }
    public string? NoBulkMail { get; set; }

    public static SegmentInput From(string name, string? description, SegmentCriteria c) => new()
    {
        Name = name,
        Description = description,
        Classes = [.. c.Classes], Stages = [.. c.Stages], Dormancies = [.. c.Dormancies],
        MemberClassIds = [.. c.MemberClassIds], Statuses = [.. c.Statuses], TagIds = [.. c.TagIds],
        Interest = c.Interest, VolunteerAreaIds = [.. c.VolunteerAreaIds], Prefectures = [.. c.Prefectures],
        BirthdayMonth = Text(c.BirthdayMonth), JoinedYearFrom = Text(c.JoinedYearFrom), JoinedYearTo = Text(c.JoinedYearTo),
        LastPaymentBefore = DateInput.ToInput(c.LastPaymentBefore), LastPaymentOnOrAfter = DateInput.ToInput(c.LastPaymentOnOrAfter),
        LastContactBefore = DateInput.ToInput(c.LastContactBefore), LastContactOnOrAfter = DateInput.ToInput(c.LastContactOnOrAfter),
        PaidFrom = DateInput.ToInput(c.PaidFrom), PaidTo = DateInput.ToInput(c.PaidTo),
        PaidMin = c.PaidMin?.ToString(CultureInfo.InvariantCulture), PaidMax = c.PaidMax?.ToString(CultureInfo.InvariantCulture),
        PreferredChannel = c.PreferredChannel?.ToString(),
        HasEmail = Tri(c.HasEmail), RefusesEmail = Tri(c.RefusesEmail), RefusesPost = Tri(c.RefusesPost),
        RefusesPhone = Tri(c.RefusesPhone), NoBulkMail = Tri(c.NoBulkMail),
    };

    private static string? Text(int? v) => v?.ToString(CultureInfo.InvariantCulture);
    private static string Tri(bool? v) => v switch { true => "yes", false => "no", _ => "" };

    /// <summary>The criteria, or the fields that could not be read (each with its Japanese message).</summary>
    public (SegmentCriteria Criteria, List<(string Field, string Message)> Errors) ToCriteria()
    {
        var errors = new List<(string, string)>();
        int? Int(string? text, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var s = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
            errors.Add((field, $"{what}は半角数字で入力してください。"));
            return null;
        }
        DateOnly? Date(string? text, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var d = DateInput.TryParse(text);
            if (d is null) errors.Add((field, $"{what}は 2026-04-01 や 2026/4/1 の形で入力してください。"));
            return d;
        }
        long? Amount(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var y = Yen.TryParse(text);
            if (y is null) errors.Add((field, "金額は円単位の数字で入力してください（例：10000 または 10,000）。"));
            return y?.Value;
        }
        bool? TriState(string? v) => v switch { "yes" => true, "no" => false, _ => null };

        ContactChannel? channel = null;
        if (!string.IsNullOrWhiteSpace(PreferredChannel))
        {
            if (Enum.TryParse<ContactChannel>(PreferredChannel, out var ch) && Enum.IsDefined(ch)) channel = ch;
            else errors.Add((nameof(PreferredChannel), "連絡方法を一覧から選んでください。"));
        }

        var criteria = new SegmentCriteria
        {
            Classes = [.. Classes.Where(Enum.IsDefined).Distinct()],
            Stages = [.. Stages.Where(Enum.IsDefined).Distinct()],
            Dormancies = [.. Dormancies.Where(Enum.IsDefined).Distinct()],
            MemberClassIds = [.. MemberClassIds.Distinct()],
            Statuses = [.. Statuses.Where(Enum.IsDefined).Distinct()],
            TagIds = [.. TagIds.Distinct()],
            Interest = string.IsNullOrWhiteSpace(Interest) ? null : Interest.Trim(),
            VolunteerAreaIds = [.. VolunteerAreaIds.Distinct()],
            Prefectures = [.. Prefectures.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct()],
            BirthdayMonth = Int(BirthdayMonth, nameof(BirthdayMonth), "誕生月"),
            JoinedYearFrom = Int(JoinedYearFrom, nameof(JoinedYearFrom), "入会年"),
            JoinedYearTo = Int(JoinedYearTo, nameof(JoinedYearTo), "入会年"),
            LastPaymentBefore = Date(LastPaymentBefore, nameof(LastPaymentBefore), "日付"),
            LastPaymentOnOrAfter = Date(LastPaymentOnOrAfter, nameof(LastPaymentOnOrAfter), "日付"),
            LastContactBefore = Date(LastContactBefore, nameof(LastContactBefore), "日付"),
            LastContactOnOrAfter = Date(LastContactOnOrAfter, nameof(LastContactOnOrAfter), "日付"),
            PaidFrom = Date(PaidFrom, nameof(PaidFrom), "期間の開始日"),
            PaidTo = Date(PaidTo, nameof(PaidTo), "期間の終了日"),
            PaidMin = Amount(PaidMin, nameof(PaidMin)),
            PaidMax = Amount(PaidMax, nameof(PaidMax)),
            PreferredChannel = channel,
            HasEmail = TriState(HasEmail),
            RefusesEmail = TriState(RefusesEmail),
            RefusesPost = TriState(RefusesPost),
            RefusesPhone = TriState(RefusesPhone),
            NoBulkMail = TriState(NoBulkMail),
        };
        if (errors.Count == 0) errors.AddRange(criteria.Validate());
        return (criteria, errors);
    }
}

public sealed record Choice(long Id, string Name);

/// <summary>What the editor offers to choose from, and the names the description of a segment needs.</summary>
public sealed record SegmentChoices(IReadOnlyList<Choice> MemberClasses, IReadOnlyList<Choice> Tags, IReadOnlyList<(string Group, IReadOnlyList<Choice> Areas)> AreaGroups)
{
    public IReadOnlyDictionary<long, string> MemberClassNames => MemberClasses.ToDictionary(c => c.Id, c => c.Name);
    public IReadOnlyDictionary<long, string> TagNames => Tags.ToDictionary(c => c.Id, c => c.Name);
    public IReadOnlyDictionary<long, string> AreaNames => AreaGroups.SelectMany(g => g.Areas).ToDictionary(c => c.Id, c => c.Name);

    public string Describe(SegmentCriteria c) => c.Describe(MemberClassNames, TagNames, AreaNames);
}

public sealed class SegmentChoicesQuery(MemberHubDbContext db)
{
    public async Task<SegmentChoices> GetAsync(CancellationToken ct = default)
    {
        var classes = await db.MemberClasses.AsNoTracking().OrderBy(c => c.Id).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        var areas = await db.VolunteerAreas.AsNoTracking().Where(a => !a.IsRetired)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new { a.GroupName, a.Id, a.Name }).ToListAsync(ct);
        var groups = areas.GroupBy(a => a.GroupName)
            .Select(g => (g.Key, (IReadOnlyList<Choice>)g.Select(a => new Choice(a.Id, a.Name)).ToList())).ToList();
        return new SegmentChoices(classes, tags, groups);
    }
}
