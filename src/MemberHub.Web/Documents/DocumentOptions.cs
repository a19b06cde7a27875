namespace MemberHub.Web.Documents;

/// <summary>Settings of the PDF documents (section "Documents").</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Noto Sans CJK (OpenType/CFF collection; face 0 is the Japanese one). Debian package fonts-noto-cjk.</summary>
    public string FontPath { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>The bold weight of the same family, for titles and amounts.</summary>
    public string BoldFontPath { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

    /// <summary>Where finished PDFs of background jobs are kept; relative paths are under Database:DataFolder.</summary>
    public string Path { get; set; } = "documents";
}
