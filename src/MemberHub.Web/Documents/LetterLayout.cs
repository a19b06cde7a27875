using MemberHub.Common;
using SkiaSharp;

namespace MemberHub.Web.Documents;

/// <summary>
/// A letter (督促状, お礼状, お知らせ): the recipient for the envelope window, date and sender at the top right,
/// the title, then the body wrapped with Japanese line-breaking rules over as many pages as it needs.
/// </summary>
public static class LetterLayout
{
    private const float L = PageBlocks.LeftMargin + 4f;
    private const float R = PageBlocks.RightEdge - 4f;
    private const float FirstBodyTop = 96f;
    private const float NextBodyTop = 25f;
    private const float BodyBottom = 272f;
    private const float LineHeight = 6.6f;

    /// <summary>The body's lines per page.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paginate(DocumentStyles styles, LetterPrint letter)
    {
        var lines = TextPainter.Wrap(styles.Letter, letter.Body.TrimEnd(), R - L);
        var pages = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var y = FirstBodyTop;
        foreach (var line in lines)
        {
            if (y > BodyBottom)
            {
                pages.Add(current);
                current = [];
                y = NextBodyTop;
            }
            current.Add(line);
            y += LineHeight;
        }
        pages.Add(current);
        return pages;
    }

    public static void Draw(SKCanvas canvas, PdfBook book, LetterPrint letter, IReadOnlyList<IReadOnlyList<string>> pages, int page)
    {
        var s = book.Styles;
        float y;
        if (page == 0)
        {
            PageBlocks.FoldMarks(canvas);
            PageBlocks.Recipient(canvas, s, letter.Recipient);
            TextPainter.Draw(canvas, s.Body, JapaneseFormat.Date(letter.Date), PageBlocks.RightEdge, 20f, Align.Right);
            PageBlocks.Organisation(canvas, book, 30f, 130f, withSeal: false, registrationNumber: null);
            TextPainter.Draw(canvas, s.LetterTitle, letter.Title, Mm.A4Width / 2, 82f, Align.Center, letterSpacingMm: 1f);
            y = FirstBodyTop;
        }
        else
        {
            y = NextBodyTop;
        }
        foreach (var line in pages[page])
        {
            // 敬具 and 以上 close a Japanese letter flush right.
            if (line.Trim() is "敬具" or "以上")
                TextPainter.Draw(canvas, s.Letter, line.Trim(), R, y, Align.Right);
            else
                TextPainter.Draw(canvas, s.Letter, line, L, y);
            y += LineHeight;
        }
        if (pages.Count > 1)
            TextPainter.Draw(canvas, s.Tiny, $"{page + 1} / {pages.Count}", Mm.A4Width / 2, 287f, Align.Center);
    }
}
