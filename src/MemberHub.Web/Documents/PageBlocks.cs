using SkiaSharp;

namespace MemberHub.Web.Documents;

/// <summary>The parts invoices and letters share: the address block for the envelope window and the sender.</summary>
public static class PageBlocks
{
    /// <summary>
    /// Where the 宛名 goes: an A4 sheet folded in three fits a 長形3号 envelope whose window (about 90 × 45 mm)
    /// starts about 23 mm from the left and 12–14 mm from the top. Everything printed here stays inside
    /// 25–105 mm across and 18–53 mm down, with room for the sheet to slide in the envelope.
    /// </summary>
    public const float RecipientLeft = 25f;
    public const float RecipientWidth = 80f;
    public const float RecipientTop = 18f;
    public const float RecipientBottom = 53f;

    public const float LeftMargin = 18f;
    public const float RightEdge = 192f;
    public const float ContentWidth = RightEdge - LeftMargin;

    public static void Recipient(SKCanvas canvas, DocumentStyles styles, RecipientPrint r)
    {
        var y = RecipientTop + 4f;
        if (!string.IsNullOrWhiteSpace(r.PostalCode))
            TextPainter.Draw(canvas, styles.Body, "〒" + r.PostalCode, RecipientLeft, y);
        y += 5.5f;
        if (!string.IsNullOrWhiteSpace(r.Address))
        {
            // Up to two lines; a very long address is set smaller rather than spilling out of the window.
            var size = 10f;
            IReadOnlyList<string> lines;
            TextStyle? style = null;
            while (true)
            {
                style?.Dispose();
                style = styles.Sized(false, size);
                lines = AddressLines(style, r.Address.Trim());
                if (lines.Count <= 2 || size <= 7f) break;
                size -= 0.5f;
            }
            using (style)
            {
                foreach (var line in lines.Take(2))
                {
                    TextPainter.Draw(canvas, style, line, RecipientLeft + 2f, y);
                    y += size * 0.5f;
                }
            }
            if (lines.Count < 2) y += 5f;
        }
        else
        {
            y += 10f;
        }

        y = Math.Max(y + 4f, RecipientTop + 24f);
        if (string.IsNullOrWhiteSpace(r.ContactName))
        {
            NameLine(canvas, styles, r.Name, r.Honorific, y, 14f);
        }
        else
        {
            FitLine(canvas, styles, r.Name, y - 1f, 11.5f, RecipientWidth - 4f);
            NameLine(canvas, styles, r.ContactName, r.Honorific, y + 6.5f, 13f);
        }
    }

    /// <summary>An address too long for one line breaks before the building name (at the last space) when that fits.</summary>
    private static IReadOnlyList<string> AddressLines(TextStyle style, string address)
    {
        if (style.MeasureMm(address) <= RecipientWidth) return [address];
        var space = address.LastIndexOfAny([' ', '　']);
        if (space > 0 && style.MeasureMm(address[..space]) <= RecipientWidth && style.MeasureMm(address[(space + 1)..]) <= RecipientWidth)
            return [address[..space].TrimEnd(), address[(space + 1)..].TrimStart()];
        return TextPainter.Wrap(style, address, RecipientWidth);
    }

    /// <summary>"山田 太郎　様": the name shrinks until name and honorific fit the window's width.</summary>
    private static void NameLine(SKCanvas canvas, DocumentStyles styles, string name, string honorific, float y, float size)
    {
        TextStyle style;
        while (true)
        {
            style = styles.Sized(true, size);
            if (style.MeasureMm(name + "　" + honorific) <= RecipientWidth - 4f || size <= 8f) break;
            style.Dispose();
            size -= 0.5f;
        }
        using (style)
        {
            var w = TextPainter.Draw(canvas, style, name, RecipientLeft + 4f, y);
            TextPainter.Draw(canvas, style, honorific, RecipientLeft + 4f + w + Mm.PerPoint * size, y);
        }
    }

    private static void FitLine(SKCanvas canvas, DocumentStyles styles, string text, float y, float size, float width)
    {
        TextStyle style;
        while (true)
        {
            style = styles.Sized(true, size);
            if (style.MeasureMm(text) <= width || size <= 7f) break;
            style.Dispose();
            size -= 0.5f;
        }
        using (style) TextPainter.Draw(canvas, style, text, RecipientLeft + 4f, y);
    }

    /// <summary>The sender at the top right: name (with the 角印 over its end), address, phone, e-mail, representative.</summary>
    public static float Organisation(SKCanvas canvas, PdfBook book, float top, float left, bool withSeal, string? registrationNumber)
    {
        var styles = book.Styles;
        var o = book.Organisation;
        var width = RightEdge - left;
        var y = top;
        var nameLines = TextPainter.Wrap(styles.OrgName, o.Name, width);
        var nameEnd = left;
        foreach (var line in nameLines)
        {
            nameEnd = left + TextPainter.Draw(canvas, styles.OrgName, line, left, y);
            y += 5.5f;
        }
        var nameBaseline = y - 5.5f;
        y += 0.5f;
        if (!string.IsNullOrWhiteSpace(o.PostalCode))
        {
            TextPainter.Draw(canvas, styles.Small, "〒" + o.PostalCode, left, y);
            y += 4f;
        }
        if (!string.IsNullOrWhiteSpace(o.Address))
            y = TextPainter.DrawWrapped(canvas, styles.Small, o.Address, left, y, width, 4f);
        if (!string.IsNullOrWhiteSpace(o.Phone))
        {
            TextPainter.Draw(canvas, styles.Small, "TEL " + o.Phone, left, y);
            y += 4f;
        }
        if (!string.IsNullOrWhiteSpace(o.Email))
        {
            TextPainter.Draw(canvas, styles.Small, o.Email, left, y);
            y += 4f;
        }
        if (!string.IsNullOrWhiteSpace(o.Representative))
        {
            TextPainter.Draw(canvas, styles.Small, o.Representative, left, y);
            y += 4f;
        }
        if (!string.IsNullOrWhiteSpace(registrationNumber))
        {
            TextPainter.Draw(canvas, styles.Small, "登録番号 " + registrationNumber, left, y);
            y += 4f;
        }
        if (withSeal && book.Seal is { } seal)
        {
            // The 角印 is pressed over the end of the name, as on a paper invoice.
            const float size = 20f;
            var x = Math.Clamp(nameEnd - size / 2f, left + 8f, RightEdge - size);
            var rect = SKRect.Create(Mm.Pt(x), Mm.Pt(nameBaseline - size / 2f - 2f), Mm.Pt(size), Mm.Pt(size * seal.Height / Math.Max(1, seal.Width)));
            using var paint = new SKPaint { IsAntialias = true };
            canvas.DrawImage(seal, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), paint);
        }
        return y;
    }

    /// <summary>Short marks in the left margin where the sheet is folded in three for a 長形3号 envelope.</summary>
    public static void FoldMarks(SKCanvas canvas)
    {
        using var pen = new SKPaint { Color = DocumentStyles.Rule, StrokeWidth = 0.4f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var y in new[] { 99f, 198f })
            canvas.DrawLine(Mm.Pt(5f), Mm.Pt(y), Mm.Pt(9f), Mm.Pt(y), pen);
    }

    public static void HLine(SKCanvas canvas, float x1, float x2, float y, float widthPt = 0.5f, SKColor? color = null)
    {
        using var pen = new SKPaint { Color = color ?? DocumentStyles.Ink, StrokeWidth = widthPt, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(Mm.Pt(x1), Mm.Pt(y), Mm.Pt(x2), Mm.Pt(y), pen);
    }

    public static void Box(SKCanvas canvas, float x, float y, float w, float h, SKColor? fill = null, float strokePt = 0.6f)
    {
        var rect = SKRect.Create(Mm.Pt(x), Mm.Pt(y), Mm.Pt(w), Mm.Pt(h));
        if (fill is { } f)
        {
            using var brush = new SKPaint { Color = f, Style = SKPaintStyle.Fill };
            canvas.DrawRect(rect, brush);
        }
        if (strokePt > 0)
        {
            using var pen = new SKPaint { Color = DocumentStyles.Ink, StrokeWidth = strokePt, IsAntialias = true, Style = SKPaintStyle.Stroke };
            canvas.DrawRect(rect, pen);
        }
    }
}
