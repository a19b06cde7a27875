using System.Globalization;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Mailings;

/// <summary>One person of the segment with what a mailing needs: the reason they are left out (None: they receive it) and the merge fields.</summary>
public sealed record AudienceMember(long Id, int MemberNumber, string Name, string? ContactPersonName, MemberKind Kind, string? MemberClass,
    string? Email, string? PostalCode, string? Address, ExclusionReason Reason);

public sealed record Audience(IReadOnlyList<AudienceMember> People)
{
    public IReadOnlyList<AudienceMember> Recipients { get; } = People.Where(p => p.Reason == ExclusionReason.None).ToList();
    public int ExcludedCount => People.Count - Recipients.Count;
    public string ExcludedSummary => MailingAudience.Summary(People.Select(p => p.Reason));
    public IReadOnlyList<(string Reason, int Count)> ExcludedByReason =>
        People.Where(p => p.Reason != ExclusionReason.None).GroupBy(p => p.Reason).OrderBy(g => g.Key)
            .Select(g => (MailingAudience.Label(g.Key), g.Count())).ToList();
}

/// <summary>
/// Who of a segment a mailing reaches, decided in one query (the segment's, plus the person's refusals, the
/// list's opt-outs and their dormancy) and the pure <see cref="MailingAudience"/> rules. Postal recipients come
/// in postal-code order (the post office's bulk discount wants them so), e-mail recipients by member number.
/// </summary>
public sealed class MailingAudienceQuery(MemberHubDbContext db)
{
    public async Task<Audience> ForAsync(SegmentCriteria criteria, MailingChannel channel, long? mailingListId, CancellationToken ct = default)
    {
        var listId = mailingListId ?? 0;
        var rows = await (
            from m in SegmentQuery.Members(db, criteria)
            join st in db.MemberStats on m.Id equals st.MemberId into stats
            from s in stats.DefaultIfEmpty()
            select new
            {
                m.Id, m.MemberNumber, m.Name, m.ContactPersonName, m.Kind, Class = m.MemberClass!.Name, m.Status, m.IsArchived,
                m.RefusesEmail, m.RefusesPost, m.NoNewsletters, m.Email, m.PostalCode, m.Prefecture, m.City, m.Street, m.Building,
                OptedOut = db.MailingListOptOuts.Any(o => o.MemberId == m.Id && o.MailingListId == listId),
                Dormancy = s == null ? Dormancy.Active : s.Dormancy,
            }).ToListAsync(ct);

        var people = rows.Select(r =>
        {
            var address = string.Join(" ", new[] { r.Prefecture, r.City, r.Street, r.Building }.Where(x => !string.IsNullOrWhiteSpace(x)));
            var facts = new AudienceFacts(r.Status, r.IsArchived, r.RefusesEmail, r.RefusesPost, r.NoNewsletters, r.OptedOut, r.Dormancy,
                r.Email, r.PostalCode, address);
            var reason = MailingAudience.Check(facts, channel, mailingListId is not null);
            return new AudienceMember(r.Id, r.MemberNumber, r.Name, r.ContactPersonName, r.Kind, r.Class, r.Email?.Trim(), r.PostalCode,
                address.Length == 0 ? null : address, reason);
        });
        var ordered = channel == MailingChannel.Email
            ? people.OrderBy(p => p.MemberNumber)
            // Sorted here rather than in SQL: the two databases order NULLs and strings differently.
            : people.OrderBy(p => string.IsNullOrEmpty(p.PostalCode) ? "~" : p.PostalCode, StringComparer.Ordinal).ThenBy(p => p.MemberNumber);
        return new Audience(ordered.ToList());
    }

    /// <summary>The fields a mailing's subject and body may use; {{配信停止URL}} is added per e-mail.</summary>
    public static readonly IReadOnlyList<string> Fields = ["氏名", "会員番号", "会員種別", "団体名", "配信停止URL"];

    public static Dictionary<string, string> FieldsFor(AudienceMember p, string organisation, string unsubscribeUrl) => new(StringComparer.Ordinal)
    {
        ["氏名"] = p.Kind == MemberKind.Organisation && !string.IsNullOrEmpty(p.ContactPersonName) ? $"{p.Name} {p.ContactPersonName}" : p.Name,
        ["会員番号"] = p.MemberNumber.ToString(CultureInfo.InvariantCulture),
        ["会員種別"] = p.MemberClass ?? "",
        ["団体名"] = organisation,
        ["配信停止URL"] = unsubscribeUrl,
    };
}

public static class TemplateTextHelp
{
    public static string Fields => MemberHub.Messaging.TemplateText.Describe(MailingAudienceQuery.Fields);
}
