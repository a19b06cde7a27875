using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Text;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Members;

/// <summary>
/// The member list's query string. Names are short and stable (q, classId, status, tagId, prefecture,
/// sort, page) because bookmarks, the export and the benchmark use them.
/// </summary>
public sealed class MemberSearch
{
    public string? Q { get; set; }
    public long? ClassId { get; set; }
    public MemberStatus? Status { get; set; }
    public long? TagId { get; set; }
    public string? Prefecture { get; set; }
    public bool Archived { get; set; }
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
        [("kana", "フリガナ順"), ("number", "会員番号順"), ("joined", "入会日（新しい順）")];

    /// <summary>The query string for the same search with some values changed (paging, sorting links, export).</summary>
    public Dictionary<string, string?> ToRouteValues(int? page = null, string? sort = null) => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["classId"] = ClassId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["status"] = Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ["tagId"] = TagId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["prefecture"] = string.IsNullOrWhiteSpace(Prefecture) ? null : Prefecture,
        ["archived"] = Archived ? "true" : null,
        ["sort"] = sort ?? (Sort is null or "kana" ? null : Sort),
        ["page"] = (page ?? 1) <= 1 ? null : (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public string QueryString(int? page = null, string? sort = null) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", ToRouteValues(page, sort).Where(kv => kv.Value is not null));
}

public sealed record MemberRow(
    long Id,
    int MemberNumber,
    string Name,
    string NameKana,
    MemberKind Kind,
    string ClassName,
    int Units,
    MemberStatus Status,
    DateOnly JoinedOn,
    string? Prefecture,
    string? City,
    string? Phone,
    string? MobilePhone,
    string? Email,
    bool IsArchived);

public sealed record MemberSearchResult(IReadOnlyList<MemberRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// Finds members by one box: name, furigana (any width or kana form), number, phone (any formatting) or
/// e-mail, all folded into <see cref="Member.SearchText"/> so the database does a single LIKE per row.
/// </summary>
public sealed class SearchMembersQuery(MemberHubDbContext db)
{
    /// <summary>
    /// A text search must look at every row (LIKE '%q%' cannot seek), so it is kept to one pass: the page
    /// query walks the furigana-ordered covering index and stops after 50 matches; only when it fills a
    /// page is a COUNT needed. A rare match (the usual case: one person's name or phone) scans once and
    /// needs no count at all.
    /// </summary>
    public async Task<MemberSearchResult> RunAsync(MemberSearch search, CancellationToken ct = default)
    {
        var query = Filter(search);
        var page = Math.Max(1, search.Page);
        var rows = await PageAsync(query, search.Sort, page, ct);
        if (page == 1 && rows.Count < MemberSearch.PageSize)
            return new MemberSearchResult(rows, rows.Count, 1, 1);

        var total = await query.CountAsync(ct);
        var pageCount = PageCount(total);
        if (page > pageCount)
        {
            page = pageCount;
            rows = await PageAsync(query, search.Sort, page, ct);
        }
        return new MemberSearchResult(rows, total, page, pageCount);
    }

    private Task<List<MemberRow>> PageAsync(IQueryable<Member> query, string? sort, int page, CancellationToken ct) =>
        Project(Sort(query, sort).Skip((page - 1) * MemberSearch.PageSize).Take(MemberSearch.PageSize)).ToListAsync(ct);

    private static int PageCount(int total) => Math.Max(1, (total + MemberSearch.PageSize - 1) / MemberSearch.PageSize);

    /// <summary>Every matching member (for the export), in the list's order.</summary>
    public async Task<List<Member>> AllAsync(MemberSearch search, CancellationToken ct = default) =>
        await Sort(Filter(search), search.Sort).Include(m => m.MemberClass).AsNoTracking().ToListAsync(ct);

    public IQueryable<Member> Filter(MemberSearch search)
    {
        var query = db.Members.AsNoTracking();
        var patterns = Patterns(search.Q).ToList();
        if (!search.Archived) query = query.Where(m => !m.IsArchived);
        if (patterns.Count == 0)
        {
            if (search.ClassId is { } classId) query = query.Where(m => m.MemberClassId == classId);
            if (search.Status is { } status) query = query.Where(m => m.Status == status);
            if (!string.IsNullOrWhiteSpace(search.Prefecture)) query = query.Where(m => m.Prefecture == search.Prefecture);
        }
        else
        {
            // With a text search every row is scanned anyway; written this way ("+ 0", "+ ''") the filters
            // cannot use their own indexes, so SQLite walks the search index, which holds them all, instead of
            // seeking by status and then reading thousands of table rows to test SearchText.
            if (search.ClassId is { } classId) query = query.Where(m => m.MemberClassId + 0 == classId);
            if (search.Status is { } status) query = query.Where(m => (int)m.Status + 0 == (int)status);
            if (!string.IsNullOrWhiteSpace(search.Prefecture)) query = query.Where(m => m.Prefecture + "" == search.Prefecture);
        }
        if (search.TagId is { } tagId) query = query.Where(m => db.MemberTags.Any(t => t.MemberId == m.Id && t.TagId == tagId));

        foreach (var pattern in patterns)
            query = query.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
        return query;
    }

    /// <summary>
    /// One LIKE pattern per word typed, so "山田 花子" finds 山田花子 as well. A word that looks like a
    /// phone number ("03-1234-5678", "(090) 1234 5678") is searched as its digits, as phones are stored.
    /// </summary>
    public static IEnumerable<string> Patterns(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) yield break;
        var normalised = q.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var compact = string.Concat(normalised.Where(c => !char.IsWhiteSpace(c)));
        if (LooksLikeNumber(compact))
        {
            var digits = PhoneNumber.Digits(compact);
            // A short number is a member number (exactly), four to six digits may also be the end of a phone
            // number ("下4桁"), and a longer one is (part of) a phone number. "12" must not find every phone with a 12 in it.
            yield return digits.Length switch
            {
                <= 3 => "%|" + digits + "|%",
                <= 6 => "%" + digits + "|%",
                _ => "%" + digits + "%",
            };
            yield break;
        }
        var words = normalised.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.Take(5))
        {
            var folded = KanaNormalizer.ForSearch(word);
            if (folded.Length == 0) continue;
            yield return "%" + EscapeLike(folded) + "%";
        }
    }

    public static bool LooksLikeNumber(string word) =>
        word.Any(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || c is '-' or '(' or ')' or '+' or '‐' or '−' or 'ー');

    public static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static IQueryable<Member> Sort(IQueryable<Member> query, string? sort) => sort switch
    {
        "number" => query.OrderBy(m => m.MemberNumber),
        "joined" => query.OrderByDescending(m => m.JoinedOn).ThenByDescending(m => m.MemberNumber),
        _ => query.OrderBy(m => m.SortKana).ThenBy(m => m.MemberNumber),
    };

    private IQueryable<MemberRow> Project(IQueryable<Member> query) =>
        query.Select(m => new MemberRow(
            m.Id, m.MemberNumber, m.Name, m.NameKana, m.Kind,
            db.MemberClasses.Where(c => c.Id == m.MemberClassId).Select(c => c.Name).FirstOrDefault() ?? "",
            m.Units, m.Status, m.JoinedOn, m.Prefecture, m.City, m.Phone, m.MobilePhone, m.Email, m.IsArchived));

    public async Task<SearchOptions> OptionsAsync(CancellationToken ct = default) => new(
        await db.MemberClasses.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new IdName(c.Id, c.Name)).ToListAsync(ct),
        await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new IdName(t.Id, t.Name)).ToListAsync(ct));
}

public sealed record IdName(long Id, string Name);

public sealed record SearchOptions(IReadOnlyList<IdName> Classes, IReadOnlyList<IdName> Tags);
