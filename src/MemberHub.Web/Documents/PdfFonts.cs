using SkiaSharp;

namespace MemberHub.Web.Documents;

/// <summary>
/// The typefaces every document uses, loaded once. Noto Sans CJK is OpenType/CFF, which Skia subsets into
/// each PDF (about 24 KB a page); a TrueType CJK font would be embedded whole (megabytes per file).
/// </summary>
public sealed class PdfFonts : IDisposable
{
    /// <summary>Face 0 of the Noto CJK collections is the Japanese one (JP glyph shapes).</summary>
    private const int JapaneseFace = 0;

    public PdfFonts(string regularPath, string boldPath)
    {
        Regular = Load(regularPath);
        Bold = Load(boldPath);
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    private static SKTypeface Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException(MissingMessage(path));
        return SKTypeface.FromFile(path, JapaneseFace)
               ?? throw new InvalidOperationException($"The font file {path} could not be read as a font.");
    }

    public static string MissingMessage(string path) =>
        $"The Japanese font for PDF documents is missing: {path}. Install it with `sudo apt-get install fonts-noto-cjk` " +
        "(bash .ci/start does this when the font is absent) or point Documents:FontPath / Documents:BoldFontPath at a Noto Sans CJK .ttc file.";

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}
