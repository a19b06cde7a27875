using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Members;

/// <summary>Family links between members and the tags on a member. Each answer is a message for the page, or null when fine.</summary>
public sealed class MemberLinksHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    public async Task<bool> ExistsAsync(long id) => await db.Members.AnyAsync(m => m.Id == id);

    public async Task<string?> AddRelationAsync(long memberId, int? otherNumber, RelationKind kind)
    {
        if (otherNumber is null) return "相手の会員番号を入力してください。";
        if (!Enum.IsDefined(kind)) return "関係を選んでください。";
        var other = await db.Members.Where(m => m.MemberNumber == otherNumber).Select(m => new { m.Id }).SingleOrDefaultAsync();
        if (other is null) return $"会員番号 {otherNumber} の会員は見つかりません。";
        if (other.Id == memberId) return "自分自身とは関係を登録できません。";
        if (await db.MemberRelations.AnyAsync(r => (r.MemberId == memberId && r.RelatedMemberId == other.Id) || (r.MemberId == other.Id && r.RelatedMemberId == memberId)))
            return "この会員とはすでに関係が登録されています。";
        db.MemberRelations.Add(new MemberRelation { MemberId = memberId, RelatedMemberId = other.Id, Kind = kind, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>Only a relation that involves this member can be removed from this member's page.</summary>
    public async Task<bool> RemoveRelationAsync(long memberId, long relationId)
    {
        var relation = await db.MemberRelations.SingleOrDefaultAsync(r => r.Id == relationId && (r.MemberId == memberId || r.RelatedMemberId == memberId));
        if (relation is null) return false;
        db.MemberRelations.Remove(relation);
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<string?> AddTagAsync(long memberId, string? name)
    {
        name = name?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (string.IsNullOrEmpty(name)) return "タグ名を入力してください。";
        if (name.Length > 50) return "タグ名は50文字以内で入力してください。";
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Name == name);
        if (tag is null)
        {
            tag = new Tag { Name = name };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
        }
        if (await db.MemberTags.AnyAsync(t => t.MemberId == memberId && t.TagId == tag.Id)) return null;
        db.MemberTags.Add(new MemberTag { MemberId = memberId, TagId = tag.Id });
        db.AuditEntries.Add(TagAudit(memberId, tag, before: null, after: tag.Name));
        await db.SaveChangesAsync();
        return null;
    }

    public async Task RemoveTagAsync(long memberId, long tagId)
    {
        var link = await db.MemberTags.Include(t => t.Tag).SingleOrDefaultAsync(t => t.MemberId == memberId && t.TagId == tagId);
        if (link is null) return;
        db.MemberTags.Remove(link);
        db.AuditEntries.Add(TagAudit(memberId, link.Tag!, before: link.Tag!.Name, after: null));
        await db.SaveChangesAsync();
    }

    // MemberTag is a plain link row, not IAudited, so its audit row is written here by hand.
    private AuditEntry TagAudit(long memberId, Tag tag, string? before, string? after) => new()
    {
        OccurredAt = clock.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        UserName = actor.UserName,
        EntityType = nameof(MemberTag),
        EntityId = $"{memberId}:{tag.Id}",
        MemberId = memberId,
        Action = AuditActions.Update,
        Field = "Tags",
        Before = before,
        After = after,
    };
}
