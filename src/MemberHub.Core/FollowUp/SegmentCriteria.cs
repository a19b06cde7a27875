using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MemberHub.Common;
using MemberHub.Members;

namespace MemberHub.FollowUp;

/// <summary>
/// What a segment (セグメント) asks for. Every criterion left empty means "anyone"; the criteria set are all
/// required (AND), and the values within one list are alternatives (OR). Stored as JSON on <see cref="Segment"/>
/// and copied onto a <see cref="Mailing"/> when it is sent.
/// </summary>
public sealed record SegmentCriteria
{
    public List<SupporterClass> Classes { get; init; } = [];
    public List<SupporterStage> Stages { get; init; } = [];
    public List<Dormancy> Dormancies { get; init; } = [];
    public List<long> MemberClassIds { get; init; } = [];
    public List<MemberStatus> Statuses { get; init; } = [];
    /// <summary>Members with at least one of these tags.</summary>
    public List<long> TagIds { get; init; } = [];
    /// <summary>A word looked for in hobbies and likes (趣味・好きなもの).</summary>
    public string? Interest { get; init; }
    /// <summary>Volunteers registered for at least one of these areas.</summary>
    public List<long> VolunteerAreaIds { get; init; } = [];
    public List<string> Prefectures { get; init; } = [];
    public int? BirthdayMonth { get; init; }
    public int? JoinedYearFrom { get; init; }
    public int? JoinedYearTo { get; init; }
    /// <summary>Last payment before this day; members who never paid count as "before".</summary>
    public DateOnly? LastPaymentBefore { get; init; }
    public DateOnly? LastPaymentOnOrAfter { get; init; }
    /// <summary>Last contact before this day; members never contacted count as "before".</summary>
    public DateOnly? LastContactBefore { get; init; }
    public DateOnly? LastContactOnOrAfter { get; init; }
    /// <summary>Dues and donations received in [PaidFrom, PaidTo] add up to at least PaidMin and at most PaidMax yen.</summary>
    public DateOnly? PaidFrom { get; init; }
    public DateOnly? PaidTo { get; init; }
    public long? PaidMin { get; init; }
    public long? PaidMax { get; init; }
    public ContactChannel? PreferredChannel { get; init; }
    /// <summary>true: only those with an e-mail address; false: only those without.</summary>
    public bool? HasEmail { get; init; }
    /// <summary>Each refusal: null any, true only those who refuse, false only those who do not.</summary>
    public bool? RefusesEmail { get; init; }
    public bool? RefusesPost { get; init; }
    public bool? RefusesPhone { get; init; }
    /// <summary>一斉メール・会報を希望しない (Member.NoNewsletters).</summary>
    public bool? NoBulkMail { get; init; }

    public bool UsesStats => Classes.Count > 0 || Stages.Count > 0 || Dormancies.Count > 0
        || LastPaymentBefore is not null || LastPaymentOnOrAfter is not null || LastContactBefore is not null || LastContactOnOrAfter is not null;

    public bool UsesAmount => PaidMin is not null || PaidMax is not null;

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Criteria saved by an older version (or hand-edited) that cannot be read count as "no criteria" rather than failing the page.</summary>
    public static SegmentCriteria FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new();
        try
        {
            return JsonSerializer.Deserialize<SegmentCriteria>(json, Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    /// <summary>Problems with the criteria, each as (field, Japanese message); empty when they can be searched.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (BirthdayMonth is { } month && (month < 1 || month > 12))
            errors.Add((nameof(BirthdayMonth), "誕生月は1〜12で指定してください。"));
        if (JoinedYearFrom is { } yf && (yf < 1900 || yf > 2200))
            errors.Add((nameof(JoinedYearFrom), "入会年は西暦4桁で入力してください。"));
        if (JoinedYearTo is { } yt && (yt < 1900 || yt > 2200))
            errors.Add((nameof(JoinedYearTo), "入会年は西暦4桁で入力してください。"));
        if (JoinedYearFrom is { } a && JoinedYearTo is { } b && a > b)
            errors.Add((nameof(JoinedYearTo), "入会年の範囲は「から」が「まで」より前になるよう指定してください。"));
        if (LastPaymentOnOrAfter is { } pa && LastPaymentBefore is { } pb && pa >= pb)
            errors.Add((nameof(LastPaymentBefore), "最終入金日の範囲に当てはまる日がありません（「以降」が「より前」より後です）。"));
        if (LastContactOnOrAfter is { } ca && LastContactBefore is { } cb && ca >= cb)
            errors.Add((nameof(LastContactBefore), "最終接触日の範囲に当てはまる日がありません（「以降」が「より前」より後です）。"));
        if (PaidMin is < 0) errors.Add((nameof(PaidMin), "金額は0円以上で入力してください。"));
        if (PaidMax is < 0) errors.Add((nameof(PaidMax), "金額は0円以上で入力してください。"));
        if (PaidMin is { } min && PaidMax is { } max && min > max)
            errors.Add((nameof(PaidMax), "入金額の上限が下限より小さくなっています。"));
        if (UsesAmount && (PaidFrom is null || PaidTo is null))
            errors.Add((nameof(PaidFrom), "入金額で絞り込むときは期間（開始日と終了日）を入力してください。"));
        if (PaidFrom is { } f && PaidTo is { } t && f > t)
            errors.Add((nameof(PaidTo), "入金期間の終了日が開始日より前になっています。"));
        if (Interest is { Length: > 50 })
            errors.Add((nameof(Interest), "趣味・関心のキーワードは50文字以内で入力してください。"));
        foreach (var p in Prefectures)
            if (!MemberHub.Text.Prefectures.IsKnown(p))
                errors.Add((nameof(Prefectures), $"都道府県「{p}」が見つかりません。"));
        return errors;
    }

    /// <summary>
    /// The criteria in plain Japanese, e.g. "在籍の会員、東京都・神奈川県、2025年4月1日〜2026年3月31日の入金が10,000円以上".
    /// Names of tags, areas and member classes come from the caller (they live in the database).
    /// </summary>
    public string Describe(IReadOnlyDictionary<long, string>? memberClassNames = null, IReadOnlyDictionary<long, string>? tagNames = null,
        IReadOnlyDictionary<long, string>? areaNames = null)
    {
        var parts = new List<string>();
        parts.Add(Statuses.Count == 0 ? "すべての状態の会員" : Join(Statuses.Select(MemberLabels.Of)) + "の会員");
        if (MemberClassIds.Count > 0) parts.Add("会員種別が" + Join(MemberClassIds.Select(id => Name(memberClassNames, id, "種別"))));
        if (Classes.Count > 0) parts.Add("分類が" + Join(Classes.Select(SegmentLabels.Of)));
        if (Stages.Count > 0) parts.Add("段階が" + Join(Stages.Select(SegmentLabels.Of)));
        if (Dormancies.Count > 0) parts.Add(Join(Dormancies.Select(SegmentLabels.Of)));
        if (TagIds.Count > 0) parts.Add("タグ「" + string.Join("」「", TagIds.Select(id => Name(tagNames, id, "タグ"))) + "」のいずれか");
        if (!string.IsNullOrWhiteSpace(Interest)) parts.Add($"趣味・好きなものに「{Interest.Trim()}」を含む");
        if (VolunteerAreaIds.Count > 0) parts.Add("ボランティア分野が" + Join(VolunteerAreaIds.Select(id => Name(areaNames, id, "分野"))));
        if (Prefectures.Count > 0) parts.Add(Join(Prefectures) + "在住");
        if (BirthdayMonth is { } m) parts.Add($"{m}月生まれ");
        var joined = (JoinedYearFrom, JoinedYearTo) switch
        {
            ({ } f, { } t) when f == t => $"{f}年に入会",
            ({ } f, { } t) => $"{f}年〜{t}年に入会",
            ({ } f, null) => $"{f}年以降に入会",
            (null, { } t) => $"{t}年以前に入会",
            _ => null,
        };
        if (joined is not null) parts.Add(joined);
        if (LastPaymentOnOrAfter is { } pa) parts.Add($"最終入金が{JapaneseFormat.Date(pa)}以降");
        if (LastPaymentBefore is { } pb) parts.Add($"最終入金が{JapaneseFormat.Date(pb)}より前（入金なしを含む）");
        if (LastContactOnOrAfter is { } ca) parts.Add($"最終接触が{JapaneseFormat.Date(ca)}以降");
        if (LastContactBefore is { } cb) parts.Add($"最終接触が{JapaneseFormat.Date(cb)}より前（接触なしを含む）");
        if (UsesAmount && PaidFrom is { } from && PaidTo is { } to)
        {
            var range = (PaidMin, PaidMax) switch
            {
                ({ } min, { } max) => $"{Yen(min)}以上{Yen(max)}以下",
                ({ } min, null) => $"{Yen(min)}以上",
                (null, { } max) => $"{Yen(max)}以下",
                _ => "",
            };
            parts.Add($"{JapaneseFormat.Date(from)}〜{JapaneseFormat.Date(to)}の入金（会費・寄附）が{range}");
        }
        if (PreferredChannel is { } c) parts.Add($"希望する連絡方法が{MemberLabels.Of(c)}");
        if (HasEmail is { } e) parts.Add(e ? "メールアドレスあり" : "メールアドレスなし");
        if (RefusesEmail is { } re) parts.Add(re ? "メール拒否の人" : "メール拒否でない人");
        if (RefusesPost is { } rp) parts.Add(rp ? "郵送拒否の人" : "郵送拒否でない人");
        if (RefusesPhone is { } rph) parts.Add(rph ? "電話拒否の人" : "電話拒否でない人");
        if (NoBulkMail is { } nb) parts.Add(nb ? "一斉メール・会報を希望しない人" : "一斉メール・会報を希望する人");
        return string.Join("、", parts);
    }

    private static string Yen(long v) => JapaneseFormat.Number(v) + "円";
    private static string Join(IEnumerable<string> items) => string.Join("・", items);
    private static string Name(IReadOnlyDictionary<long, string>? names, long id, string what) =>
        names is not null && names.TryGetValue(id, out var n) ? n : $"{what}{id.ToString(CultureInfo.InvariantCulture)}";
}

public static class SegmentLabels
{
    public static string Of(SupporterClass c) => c switch
    {
        SupporterClass.FirstTime => "初回",
        SupporterClass.Second => "よちよち",
        SupporterClass.Steady => "こつこつ",
        SupporterClass.Burst => "流行",
        SupporterClass.Loyal => "優良",
        _ => "入金なし",
    };

    public static string Of(SupporterStage s) => s switch
    {
        SupporterStage.New => "新規",
        SupporterStage.Repeat => "リピート",
        SupporterStage.Fan => "ファン",
        _ => "見込み",
    };

    public static string Of(Dormancy d) => d switch
    {
        Dormancy.Dormant => "休眠",
        Dormancy.DormantNoMailing => "長期休眠",
        _ => "活動中",
    };
}
