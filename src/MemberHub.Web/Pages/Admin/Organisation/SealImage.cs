using MemberHub.Data;
using MemberHub.Organisation;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.Organisation;

/// <summary>
/// The 角印 printed on invoices: a PNG or JPEG of at most 1 MB. The kind is read from the file's first bytes,
/// not from its name or the browser's content type, and the image must decode.
/// </summary>
public sealed class SealImageHandler(MemberHubDbContext db)
{
    public const int MaxBytes = 1024 * 1024;

    public static string? ContentTypeOf(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return "image/jpeg";
        return null;
    }

    /// <summary>An error message in Japanese, or null when saved.</summary>
    public async Task<string?> SaveAsync(IFormFile? file, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) return "印影の画像ファイルを選んでください。";
        if (file.Length > MaxBytes) return "画像は1MB以下にしてください。";
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        var type = ContentTypeOf(data);
        if (type is null) return "PNGまたはJPEGの画像を選んでください。";
        using (var image = SkiaSharp.SKImage.FromEncodedData(data))
        {
            if (image is null || image.Width < 16 || image.Height < 16) return "画像を読み取れませんでした。別の画像を選んでください。";
        }
        var settings = await SettingsAsync(ct);
        settings.SealImage = data;
        settings.SealContentType = type;
        settings.Version++;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task RemoveAsync(CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        if (settings.SealImage is null) return;
        settings.SealImage = null;
        settings.SealContentType = null;
        settings.Version++;
        await db.SaveChangesAsync(ct);
    }

    public async Task<(byte[] Data, string ContentType)?> GetAsync(CancellationToken ct = default)
    {
        var seal = await db.OrganisationSettings.AsNoTracking().Where(o => o.Id == OrganisationSettings.SingletonId)
            .Select(o => new { o.SealImage, o.SealContentType }).SingleOrDefaultAsync(ct);
        return seal is { SealImage: { } data, SealContentType: { } type } ? (data, type) : null;
    }

    private async Task<OrganisationSettings> SettingsAsync(CancellationToken ct)
    {
        var settings = await db.OrganisationSettings.SingleOrDefaultAsync(o => o.Id == OrganisationSettings.SingletonId, ct);
        if (settings is null)
        {
            settings = new OrganisationSettings();
            db.OrganisationSettings.Add(settings);
        }
        return settings;
    }
}
