namespace MemberHub.Web.Pages.Dues;

/// <summary>Page links for a long list: <paramref name="UrlPrefix"/> ends with "page=" (or another parameter), the number is appended.</summary>
public sealed record PagerView(int Page, int TotalPages, string UrlPrefix, string? Target = null)
{
    public const int Size = 100;

    public static int Clamp(int page, int count) => Math.Clamp(page, 1, Math.Max(1, (count + Size - 1) / Size));

    public static PagerView For(int page, int count, string urlPrefix, string? target = null) =>
        new(Clamp(page, count), Math.Max(1, (count + Size - 1) / Size), urlPrefix, target);

    public IEnumerable<T> Slice<T>(IEnumerable<T> items) => items.Skip((Page - 1) * Size).Take(Size);

    /// <summary>First, last, and a few around the current page; 0 stands for a gap.</summary>
    public IEnumerable<int> Numbers()
    {
        var last = 0;
        for (var p = 1; p <= TotalPages; p++)
        {
            if (p != 1 && p != TotalPages && Math.Abs(p - Page) > 2) continue;
            if (last != 0 && p - last > 1) yield return 0;
            yield return p;
            last = p;
        }
    }
}
