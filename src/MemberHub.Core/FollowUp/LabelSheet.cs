namespace MemberHub.FollowUp;

/// <summary>Where one label (or envelope face) sits: the page (0-based) and its top-left corner in millimetres.</summary>
public readonly record struct LabelPosition(int Page, double XMm, double YMm);

/// <summary>
/// A sheet of address labels (or an envelope, one "label" per page) in millimetres: labels are filled row by row,
/// left to right, from the top-left corner of the first label; pitch is the distance from one label's corner to the
/// next (label size plus the gap). The standard sheets are those sold in Japan for A4 printers.
/// </summary>
public sealed record LabelSheet(
    string Key,
    string Name,
    double PageWidthMm,
    double PageHeightMm,
    int Columns,
    int Rows,
    double LeftMm,
    double TopMm,
    double LabelWidthMm,
    double LabelHeightMm,
    double PitchXMm,
    double PitchYMm)
{
    /// <summary>A4 12面 (2 × 6, 86.4 × 42.3 mm, no gaps).</summary>
    public static readonly LabelSheet A4x12 = new("a4-12", "A4 12面（86.4×42.3mm）", 210, 297, 2, 6, 18.6, 21.6, 86.4, 42.3, 86.4, 42.3);

    /// <summary>A4 24面 (3 × 8, 70 × 33.9 mm, edge to edge across).</summary>
    public static readonly LabelSheet A4x24 = new("a4-24", "A4 24面（70×33.9mm）", 210, 297, 3, 8, 0, 12.9, 70, 33.9, 70, 33.9);

    /// <summary>長形3号 envelope (120 × 235 mm) printed directly, one per page; the address block below the stamp area.</summary>
    public static readonly LabelSheet Naga3 = new("naga3", "長形3号封筒（120×235mm）", 120, 235, 1, 1, 15, 30, 90, 120, 90, 120);

    public static IReadOnlyList<LabelSheet> All { get; } = [A4x12, A4x24, Naga3];

    public static LabelSheet? Find(string? key) => All.FirstOrDefault(s => s.Key == key);

    public int PerPage => Columns * Rows;

    public int PagesFor(int count) => count <= 0 ? 0 : (count + PerPage - 1) / PerPage;

    public LabelPosition Position(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var page = index / PerPage;
        var onPage = index % PerPage;
        var row = onPage / Columns;
        var column = onPage % Columns;
        return new LabelPosition(page, Math.Round(LeftMm + column * PitchXMm, 3), Math.Round(TopMm + row * PitchYMm, 3));
    }

    /// <summary>Problems that would print labels off the page or over each other; empty when the layout is sound.</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (Columns < 1 || Rows < 1) problems.Add("列数と行数は1以上にしてください。");
        if (LabelWidthMm <= 0 || LabelHeightMm <= 0) problems.Add("ラベルの大きさは0より大きくしてください。");
        if (PitchXMm < LabelWidthMm || PitchYMm < LabelHeightMm) problems.Add("ラベルの間隔がラベルの大きさより小さく、重なってしまいます。");
        const double tolerance = 0.05;
        if (LeftMm < 0 || TopMm < 0) problems.Add("余白は0mm以上にしてください。");
        if (LeftMm + (Columns - 1) * PitchXMm + LabelWidthMm > PageWidthMm + tolerance) problems.Add("ラベルが用紙の右端からはみ出します。");
        if (TopMm + (Rows - 1) * PitchYMm + LabelHeightMm > PageHeightMm + tolerance) problems.Add("ラベルが用紙の下端からはみ出します。");
        return problems;
    }

    /// <summary>PDF points (1/72 inch) from millimetres.</summary>
    public static float Points(double mm) => (float)(mm * 72.0 / 25.4);
}
