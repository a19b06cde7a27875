using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Members;

public sealed record RelationView(long RelationId, long OtherId, int OtherNumber, string OtherName, string OtherKana, RelationKind KindFromHere);

public sealed record TagView(long Id, string Name);

public sealed record ContactHistoryView(long MemberId, IReadOnlyList<ContactRecord> Records, bool CanAdd, ContactForm Form);

public sealed class MemberDetailsView
{
    public required Member Member { get; init; }
    public required string ClassName { get; init; }
    public string? AssignedStaffName { get; init; }
    public string? LinkedAccount { get; init; }
    public required IReadOnlyList<TagView> Tags { get; init; }
    public required IReadOnlyList<RelationView> Relations { get; init; }
    public required ContactHistoryView History { get; init; }
    /// <summary>Null when the viewer may not see the audit log.</summary>
    public IReadOnlyList<AuditEntry>? Audit { get; init; }
    /// <summary>Names for the ids the audit log holds (staff accounts, related members).</summary>
    public IReadOnlyDictionary<string, string> AuditNames { get; init; } = new Dictionary<string, string>();
}

/// <summary>Everything the member's page shows, in a handful of queries.</summary>
public sealed class MemberDetailsQuery(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<MemberDetailsView?> RunAsync(long id, bool canEdit, bool withAudit)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        if (member is null) return null;
        var className = await db.MemberClasses.Where(c => c.Id == member.MemberClassId).Select(c => c.Name).SingleOrDefaultAsync() ?? "";
        var staffName = member.AssignedStaffUserId is { } sid
            ? await db.Users.Where(u => u.Id == sid).Select(u => u.DisplayName).SingleOrDefaultAsync()
            : null;
        var account = member.UserId is { } uid
            ? await db.Users.Where(u => u.Id == uid).Select(u => u.Email).SingleOrDefaultAsync()
            : null;
        var tags = await db.MemberTags.AsNoTracking().Where(t => t.MemberId == id)
            .OrderBy(t => t.Tag!.Name).Select(t => new TagView(t.TagId, t.Tag!.Name)).ToListAsync();
        var audit = withAudit
            ? await db.AuditEntries.AsNoTracking()
                .Where(a => a.MemberId == id && a.Field != "MemberId" && a.Field != "StaffUserId")
                .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(300).ToListAsync()
            : null;
        return new MemberDetailsView
        {
            Member = member,
            ClassName = className,
            AssignedStaffName = staffName,
            LinkedAccount = account,
            Tags = tags,
            Relations = await RelationsAsync(id),
            History = await HistoryAsync(id, canEdit, ContactForm.Blank(clock)),
            Audit = audit,
            AuditNames = audit is null ? new Dictionary<string, string>() : await AuditNamesAsync(audit),
        };
    }

    private async Task<Dictionary<string, string>> AuditNamesAsync(IReadOnlyList<AuditEntry> audit)
    {
        var values = audit.SelectMany(a => new[] { (a.Field, a.Before), (a.Field, a.After) }).Where(v => v.Item2 is not null).ToList();
        var userIds = values.Where(v => v.Field is "AssignedStaffUserId" or "UserId").Select(v => v.Item2!).Distinct().ToList();
        var memberIds = values.Where(v => v.Field == "RelatedMemberId").Select(v => long.TryParse(v.Item2, out var n) ? n : 0).Distinct().ToList();
        var names = new Dictionary<string, string>();
        foreach (var u in await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync())
            names[u.Id] = u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id;
        foreach (var m in await db.Members.Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.MemberNumber, m.Name }).ToListAsync())
            names["member:" + m.Id] = $"No.{m.MemberNumber} {m.Name}";
        return names;
    }

    /// <summary>Relations are stored once; read from both ends, each as it reads from this member's side.</summary>
    public async Task<IReadOnlyList<RelationView>> RelationsAsync(long id)
    {
        var mine = await (from r in db.MemberRelations
                          join o in db.Members on r.RelatedMemberId equals o.Id
                          where r.MemberId == id
                          select new RelationView(r.Id, o.Id, o.MemberNumber, o.Name, o.NameKana, r.Kind)).ToListAsync();
        var theirs = await (from r in db.MemberRelations
                            join o in db.Members on r.MemberId equals o.Id
                            where r.RelatedMemberId == id
                            select new { r.Id, OtherId = o.Id, o.MemberNumber, o.Name, o.NameKana, r.Kind }).ToListAsync();
        return mine.Concat(theirs.Select(t => new RelationView(t.Id, t.OtherId, t.MemberNumber, t.Name, t.NameKana, MemberLabels.Inverse(t.Kind))))
            .OrderBy(r => r.OtherNumber).ToList();
    }

    public async Task<ContactHistoryView> HistoryAsync(long id, bool canAdd, ContactForm form) =>
        new(id,
            await db.ContactRecords.AsNoTracking().Where(c => c.MemberId == id)
                .OrderByDescending(c => c.OccurredOn).ThenByDescending(c => c.Id).ToListAsync(),
            canAdd, form);
}
