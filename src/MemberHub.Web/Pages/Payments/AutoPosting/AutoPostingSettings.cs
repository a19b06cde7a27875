using MemberHub.Data;
using MemberHub.Payments;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments.AutoPosting;

/// <summary>One choice on the page: the mode, its name and what it means for the treasurer, in plain Japanese.</summary>
public sealed record AutoPostingChoice(AutoPostingMode Mode, string Label, string Explanation);

public sealed record AutoPostingView(AutoPostingMode Current, int Version);

public static class AutoPostingChoices
{
    public static readonly IReadOnlyList<AutoPostingChoice> All =
    [
        new(AutoPostingMode.Standard, "標準",
            "会員番号、登録済みの振込人名、または名前で一人に決まり、金額が請求とぴったり合う振込を自動で消し込みます。" +
            "同じ名前の会員が他にいるとき、同じ名前の振込が一つのファイルに二つあるとき、名前が一字違いの会員に同じ金額の未納があるときは確認に回します。"),
        new(AutoPostingMode.Cautious, "慎重",
            "標準に加えて、同じ姓の別の会員に同じ金額の未納があるときも確認に回します（家族が別の会員の名前で振り込んだ場合に備えます）。" +
            "名前だけで決まる振込の半分ほどが確認に回ります。"),
        new(AutoPostingMode.NumbersAndRememberedPayersOnly, "番号・登録済みの振込人のみ",
            "振込人名に会員番号・請求番号があるか、以前に確認した振込人名の振込だけを自動で消し込みます。名前だけの振込はすべて確認に回ります。"),
    ];

    public static string LabelOf(AutoPostingMode mode) => All.FirstOrDefault(c => c.Mode == mode)?.Label ?? All[0].Label;
}

public sealed class AutoPostingSettingsHandler(MemberHubDbContext db)
{
    public async Task<AutoPostingView> GetAsync(CancellationToken ct = default) =>
        await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new AutoPostingView(o.AutoPosting, o.Version)).FirstOrDefaultAsync(ct)
        ?? new AutoPostingView(AutoPostingMode.Standard, 0);

    /// <summary>Saves the choice (audited with the organisation's settings); a Japanese message when it cannot.</summary>
    public async Task<string?> SaveAsync(AutoPostingMode? mode, int version, CancellationToken ct = default)
    {
        if (mode is not { } chosen || !Enum.IsDefined(chosen)) return "自動消込の基準を選んでください。";
        var settings = await db.OrganisationSettings.OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (settings is null) return "団体の設定がまだありません。管理 → 団体情報 を先に保存してください。";
        if (settings.Version != version) return StaleMessage;
        if (settings.AutoPosting == chosen) return null;
        settings.AutoPosting = chosen;
        settings.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleMessage;
        }
        return null;
    }

    public const string StaleMessage = "団体の設定を他の方が同時に更新しました。画面を開き直してから、もう一度選んでください。";
}
