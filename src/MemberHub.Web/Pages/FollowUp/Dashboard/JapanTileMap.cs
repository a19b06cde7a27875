namespace MemberHub.Web.Pages.FollowUp.Dashboard;

/// <summary>
/// The 47 prefectures as tiles on a grid laid out roughly as they lie (Hokkaido top right, Okinawa bottom left),
/// with the names as the member register stores them. Drawn by the application: no map service, no map data files.
/// </summary>
public static class JapanTileMap
{
    public sealed record Tile(string Name, string Short, int X, int Y);

    public static readonly IReadOnlyList<Tile> Tiles =
    [
        new("北海道", "北海道", 12, 0),
        new("青森県", "青森", 12, 2),
        new("秋田県", "秋田", 11, 3), new("岩手県", "岩手", 12, 3),
        new("山形県", "山形", 11, 4), new("宮城県", "宮城", 12, 4),
        new("石川県", "石川", 8, 5), new("富山県", "富山", 9, 5), new("新潟県", "新潟", 10, 5), new("福島県", "福島", 11, 5),
        new("島根県", "島根", 3, 6), new("鳥取県", "鳥取", 4, 6), new("兵庫県", "兵庫", 5, 6), new("京都府", "京都", 6, 6),
        new("福井県", "福井", 7, 6), new("岐阜県", "岐阜", 8, 6), new("長野県", "長野", 9, 6), new("群馬県", "群馬", 10, 6),
        new("栃木県", "栃木", 11, 6), new("茨城県", "茨城", 12, 6),
        new("佐賀県", "佐賀", 0, 7), new("福岡県", "福岡", 1, 7), new("山口県", "山口", 2, 7), new("広島県", "広島", 3, 7),
        new("岡山県", "岡山", 4, 7), new("大阪府", "大阪", 5, 7), new("奈良県", "奈良", 6, 7), new("滋賀県", "滋賀", 7, 7),
        new("愛知県", "愛知", 8, 7), new("山梨県", "山梨", 9, 7), new("埼玉県", "埼玉", 10, 7), new("東京都", "東京", 11, 7),
        new("千葉県", "千葉", 12, 7),
        new("長崎県", "長崎", 0, 8), new("熊本県", "熊本", 1, 8), new("大分県", "大分", 2, 8), new("愛媛県", "愛媛", 3, 8),
        new("香川県", "香川", 4, 8), new("和歌山県", "和歌山", 6, 8), new("三重県", "三重", 7, 8), new("静岡県", "静岡", 9, 8),
        new("神奈川県", "神奈川", 11, 8),
        new("鹿児島県", "鹿児島", 1, 9), new("宮崎県", "宮崎", 2, 9), new("高知県", "高知", 3, 9), new("徳島県", "徳島", 4, 9),
        new("沖縄県", "沖縄", 0, 11),
    ];

    /// <summary>Light to dark blue; the first is for prefectures without members.</summary>
    public static readonly string[] Shades = ["#f1f3f5", "#d0e2ff", "#a6c8ff", "#78a9ff", "#4589ff", "#0f62fe", "#002d9c"];

    /// <summary>Upper bounds of the shade classes for counts up to max (rounded, so the legend reads well).</summary>
    public static IReadOnlyList<long> Bounds(long max)
    {
        if (max <= 0) return [];
        var steps = Shades.Length - 1;
        var raw = Math.Max(1, (long)Math.Ceiling(max / (double)steps));
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1L, 2, 5, 10 }.Select(n => n * magnitude).First(s => s >= raw);
        return Enumerable.Range(1, steps).Select(i => step * i).ToList();
    }

    public static string ShadeFor(long count, IReadOnlyList<long> bounds)
    {
        if (count <= 0) return Shades[0];
        for (var i = 0; i < bounds.Count; i++)
            if (count <= bounds[i]) return Shades[i + 1];
        return Shades[^1];
    }
}
