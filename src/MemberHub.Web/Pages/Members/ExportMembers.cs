using System.Globalization;
using System.Text;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Text;

namespace MemberHub.Web.Pages.Members;

/// <summary>The file, or (Content null) the members whose data Shift_JIS cannot hold, for the user to choose UTF-8.</summary>
public sealed record ExportFile(byte[]? Content, string FileName, int Rows, IReadOnlyList<int> UnencodableMemberNumbers);

/// <summary>
/// The current list as CSV for Excel: UTF-8 with a BOM (Excel reads UTF-8 only with it) or CP932 for
/// older tools. Cells that Excel would run as formulas are neutralised (<see cref="CsvCell"/>). Every export is audited: personal data leaving the system.
/// </summary>
public sealed class ExportMembersHandler(SearchMembersQuery query, MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    private static readonly string[] Header =
    [
        "会員番号", "氏名", "フリガナ", "個人・団体", "担当者名", "担当者フリガナ", "会員種別", "口数", "状態", "状態の日付", "入会日",
        "郵便番号", "都道府県", "市区町村", "番地", "建物名", "電話", "携帯電話", "メール", "生年月日",
        "希望する連絡方法", "電話不可", "メール不可", "郵送不可", "会報不要", "氏名掲載の同意", "写真掲載の同意",
    ];

    public async Task<ExportFile> HandleAsync(MemberSearch search, bool cp932, CancellationToken ct = default)
    {
        var members = await query.AllAsync(search, ct);
        var encoding = cp932 ? Cp932() : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        // Written by hand (CsvCell): CsvHelper 34 is a new API without the old configuration types, and
        // a fixed set of string cells needs no more than RFC 4180 quoting.
        var text = new StringBuilder();
        text.Append(CsvCell.Line(Header));
        var unencodable = new List<int>();
        foreach (var m in members)
        {
            var line = CsvCell.Line(Cells(m));
            // Shift_JIS has no 𠮷, 髙 in some forms, emoji…: such a name would silently become "?" in the file.
            if (cp932 && !CanEncode(encoding, line)) unencodable.Add(m.MemberNumber);
            text.Append(line);
        }
        if (unencodable.Count > 0) return new ExportFile(null, "", members.Count, unencodable);
        var content = encoding.GetPreamble().Concat(encoding.GetBytes(text.ToString())).ToArray();

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = nameof(Member),
            EntityId = "",
            Action = AuditActions.Export,
            Field = "会員名簿",
            After = $"{members.Count}件 {(cp932 ? "Shift_JIS" : "UTF-8")} 条件: {Describe(search)}",
        });
        await db.SaveChangesAsync(ct);

        var stamp = JapanTime.ToJapan(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return new ExportFile(content, $"members-{stamp}.csv", members.Count, []);
    }

    private static Encoding Cp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static bool CanEncode(Encoding encoding, string text)
    {
        try
        {
            encoding.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Cells(Member m) =>
    [
        m.MemberNumber.ToString(CultureInfo.InvariantCulture), m.Name, m.NameKana, MemberLabels.Of(m.Kind),
        m.ContactPersonName ?? "", m.ContactPersonKana ?? "", m.MemberClass?.Name ?? "", m.Units.ToString(CultureInfo.InvariantCulture),
        MemberLabels.Of(m.Status), JapaneseFormat.ShortDate(m.StatusChangedOn), JapaneseFormat.ShortDate(m.JoinedOn),
        m.PostalCode ?? "", m.Prefecture ?? "", m.City ?? "", m.Street ?? "", m.Building ?? "",
        m.Phone ?? "", m.MobilePhone ?? "", m.Email ?? "", JapaneseFormat.ShortDate(m.Birthday),
        m.PreferredChannel is { } c ? MemberLabels.Of(c) : "",
        Flag(m.RefusesPhone), Flag(m.RefusesEmail), Flag(m.RefusesPost), Flag(m.NoNewsletters),
        Flag(m.ConsentToBeNamed), Flag(m.ConsentToBePhotographed),
    ];

    private static string Flag(bool b) => b ? "○" : "";

    private static string Describe(MemberSearch s)
    {
        var parts = s.ToRouteValues().Where(kv => kv.Value is not null && kv.Key != "page").Select(kv => $"{kv.Key}={kv.Value}").ToList();
        return parts.Count == 0 ? "なし" : string.Join(" ", parts);
    }
}
