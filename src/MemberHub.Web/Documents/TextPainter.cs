using System.Text;
using SkiaSharp;

namespace MemberHub.Web.Documents;

public enum Align { Left, Right, Center }

/// <summary>Millimetres to PDF points: layouts are written in the millimetres a printer and an envelope speak.</summary>
public static class Mm
{
    public const float PerPoint = 25.4f / 72f;
    public static float Pt(float mm) => mm * 72f / 25.4f;
    public const float A4Width = 210f;
    public const float A4Height = 297f;
}

/// <summary>A font at a size and colour, with the advance of each character cached (layouts measure a lot).</summary>
public sealed class TextStyle : IDisposable
{
    private readonly Dictionary<int, (ushort Glyph, float Advance)> _glyphs = [];

    public TextStyle(SKTypeface typeface, float sizePt, SKColor? color = null)
    {
        Font = new SKFont(typeface, sizePt);
        Paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
        SizePt = sizePt;
    }

    public SKFont Font { get; }
    public SKPaint Paint { get; }
    public float SizePt { get; }

    public (ushort Glyph, float Advance) Glyph(Rune r)
    {
        var cp = r.Value == '\t' ? ' ' : r.Value;
        if (_glyphs.TryGetValue(cp, out var g)) return g;
        var glyph = Font.GetGlyph(cp);
        var widths = Font.GetGlyphWidths([glyph]);
        g = (glyph, widths.Length > 0 ? widths[0] : SizePt);
        _glyphs[cp] = g;
        return g;
    }

    /// <summary>Advance in points.</summary>
    public float Advance(Rune r) => Glyph(r).Advance;

    /// <summary>Width in points.</summary>
    public float Measure(string text)
    {
        var w = 0f;
        foreach (var r in text.EnumerateRunes()) w += Advance(r);
        return w;
    }

    /// <summary>Width in millimetres.</summary>
    public float MeasureMm(string text) => Measure(text) * Mm.PerPoint;

    public void Dispose()
    {
        Font.Dispose();
        Paint.Dispose();
    }
}

/// <summary>
/// Draws text as blobs that carry the UTF-8 text and one cluster per glyph. Skia then writes the text into the
/// PDF (ActualText) exactly as given; drawing plain strings lets some kanji (山, 田) come back out of the PDF
/// as Kangxi radicals, which breaks copying and searching.
/// </summary>
public static class TextPainter
{
    /// <summary>Draws one line with its baseline at (xMm, yMm); returns its width in millimetres.</summary>
    public static float Draw(SKCanvas canvas, TextStyle style, string text, float xMm, float yMm, Align align = Align.Left,
        float letterSpacingMm = 0)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var utf8 = Encoding.UTF8.GetBytes(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        var glyphs = new ushort[count];
        var positions = new float[count];
        var clusters = new uint[count];
        var spacing = Mm.Pt(letterSpacingMm);
        float x = 0;
        var offset = 0;
        var i = 0;
        foreach (var r in text.EnumerateRunes())
        {
            var (glyph, advance) = style.Glyph(r);
            glyphs[i] = glyph;
            positions[i] = x;
            clusters[i] = (uint)offset;
            x += advance + spacing;
            offset += r.Utf8SequenceLength;
            i++;
        }
        var width = x - spacing;
        var left = Mm.Pt(xMm) - align switch { Align.Right => width, Align.Center => width / 2, _ => 0 };
        using (var builder = new SKTextBlobBuilder())
        {
            var run = builder.AllocateHorizontalTextRun(style.Font, count, 0, utf8.Length);
            run.SetGlyphs(glyphs);
            run.SetPositions(positions);
            run.SetText(utf8);
            run.SetClusters(clusters);
            using var blob = builder.Build();
            if (blob is not null) canvas.DrawText(blob, left, Mm.Pt(yMm), style.Paint);
        }
        return width * Mm.PerPoint;
    }

    /// <summary>Lines of <paramref name="text"/> wrapped to a width in millimetres (Japanese line breaking rules).</summary>
    public static IReadOnlyList<string> Wrap(TextStyle style, string text, float widthMm) =>
        LineBreaker.Wrap(text, Mm.Pt(widthMm), style.Advance);

    /// <summary>Draws wrapped text from the first baseline down; returns the baseline below the last line.</summary>
    public static float DrawWrapped(SKCanvas canvas, TextStyle style, string text, float xMm, float yMm, float widthMm, float lineHeightMm)
    {
        foreach (var line in Wrap(style, text, widthMm))
        {
            Draw(canvas, style, line, xMm, yMm);
            yMm += lineHeightMm;
        }
        return yMm;
    }
}
