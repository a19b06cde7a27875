using MemberHub.Data;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.Areas;

public sealed record AreaRow(long Id, string Group, string Name, int SortOrder, bool IsRetired, int People);

/// <summary>The admin's list of areas (協力できる分野). Areas in use are retired rather than deleted, so history keeps its words.</summary>
public sealed class ManageAreasHandler(MemberHubDbContext db)
{
    public async Task<List<AreaRow>> ListAsync() =>
        await db.VolunteerAreas.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new AreaRow(a.Id, a.GroupName, a.Name, a.SortOrder, a.IsRetired, db.VolunteerSkills.Count(s => s.AreaId == a.Id)))
            .ToListAsync();

    public async Task<string?> AddAsync(string? group, string? name)
    {
        var (g, n, error) = Tidy(group, name);
        if (error is not null) return error;
        if (await db.VolunteerAreas.AnyAsync(a => a.GroupName == g && a.Name == n)) return $"「{g}：{n}」はすでにあります。";
        var order = await db.VolunteerAreas.Where(a => a.GroupName == g).MaxAsync(a => (int?)a.SortOrder)
                    ?? (await db.VolunteerAreas.MaxAsync(a => (int?)a.SortOrder) ?? 0) + 10;
        db.VolunteerAreas.Add(new VolunteerArea { GroupName = g, Name = n, SortOrder = order + 1 });
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> RenameAsync(long id, string? group, string? name)
    {
        var (g, n, error) = Tidy(group, name);
        if (error is not null) return error;
        var area = await db.VolunteerAreas.FirstOrDefaultAsync(a => a.Id == id);
        if (area is null) return "分野が見つかりません。";
        if (await db.VolunteerAreas.AnyAsync(a => a.GroupName == g && a.Name == n && a.Id != id)) return $"「{g}：{n}」はすでにあります。";
        area.GroupName = g;
        area.Name = n;
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> RetireAsync(long id, bool retired)
    {
        var area = await db.VolunteerAreas.FirstOrDefaultAsync(a => a.Id == id);
        if (area is null) return "分野が見つかりません。";
        area.IsRetired = retired;
        await db.SaveChangesAsync();
        return null;
    }

    private static (string Group, string Name, string? Error) Tidy(string? group, string? name)
    {
        var g = group?.Normalize(System.Text.NormalizationForm.FormKC).Trim() ?? "";
        var n = name?.Normalize(System.Text.NormalizationForm.FormKC).Trim() ?? "";
        if (g.Length == 0 || n.Length == 0) return (g, n, "グループと分野名を入力してください。");
        if (g.Length > 50 || n.Length > 50) return (g, n, "グループと分野名は50文字以内で入力してください。");
        return (g, n, null);
    }
}
