using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.Tags;

public sealed record TagRow(long Id, string Name, int MemberCount);

/// <summary>Renaming and removing tags. Tags are created where they are used: on a member's page.</summary>
public sealed class ManageTagsHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    public async Task<List<TagRow>> ListAsync() =>
        await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TagRow(t.Id, t.Name, db.MemberTags.Count(mt => mt.TagId == t.Id))).ToListAsync();

    public async Task<string?> RenameAsync(long id, string? name)
    {
        name = name?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (string.IsNullOrEmpty(name)) return "タグ名を入力してください。";
        if (name.Length > 50) return "タグ名は50文字以内で入力してください。";
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == id);
        if (tag is null) return "タグが見つかりません。";
        if (await db.Tags.AnyAsync(t => t.Name == name && t.Id != id)) return $"「{name}」というタグはすでにあります。";
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = nameof(Tag),
            EntityId = tag.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditActions.Update,
            Field = "Name",
            Before = tag.Name,
            After = name,
        });
        tag.Name = name;
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>Removes the tag from every member; each member's log records it, so their history stays complete.</summary>
    public async Task<string?> RemoveAsync(long id)
    {
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == id);
        if (tag is null) return "タグが見つかりません。";
        var memberIds = await db.MemberTags.Where(mt => mt.TagId == id).Select(mt => mt.MemberId).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var memberId in memberIds)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = nameof(MemberTag),
                EntityId = $"{memberId}:{id}", MemberId = memberId, Action = AuditActions.Update, Field = "Tags", Before = tag.Name,
            });
        }
        db.MemberTags.RemoveRange(db.MemberTags.Where(mt => mt.TagId == id));
        db.Tags.Remove(tag);
        await db.SaveChangesAsync();
        return null;
    }
}
