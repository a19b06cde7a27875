using SkiaSharp;

namespace MemberHub.Web.Documents;

/// <summary>The text styles of every document, in one place so invoices and letters look alike.</summary>
public sealed class DocumentStyles : IDisposable
{
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Muted = new(0x55, 0x55, 0x55);
    public static readonly SKColor Rule = new(0x88, 0x88, 0x88);
    public static readonly SKColor HeaderFill = new(0xEE, 0xEE, 0xEE);

    public DocumentStyles(PdfFonts fonts)
    {
        Body = new TextStyle(fonts.Regular, 10f, Ink);
        Small = new TextStyle(fonts.Regular, 8.5f, Ink);
        Tiny = new TextStyle(fonts.Regular, 7.5f, Muted);
        Letter = new TextStyle(fonts.Regular, 10.5f, Ink);
        Bold = new TextStyle(fonts.Bold, 10f, Ink);
        OrgName = new TextStyle(fonts.Bold, 11.5f, Ink);
        Title = new TextStyle(fonts.Bold, 20f, Ink);
        LetterTitle = new TextStyle(fonts.Bold, 15f, Ink);
        Amount = new TextStyle(fonts.Bold, 18f, Ink);
        Stamp = new TextStyle(fonts.Bold, 26f, new SKColor(0xC0, 0x20, 0x20, 0xB0));
        Fonts = fonts;
    }

    public PdfFonts Fonts { get; }
    public TextStyle Body { get; }
    public TextStyle Small { get; }
    public TextStyle Tiny { get; }
    public TextStyle Letter { get; }
    public TextStyle Bold { get; }
    public TextStyle OrgName { get; }
    public TextStyle Title { get; }
    public TextStyle LetterTitle { get; }
    public TextStyle Amount { get; }
    public TextStyle Stamp { get; }

    /// <summary>A style at another size (the recipient's name shrinks to fit the envelope window).</summary>
    public TextStyle Sized(bool bold, float sizePt) => new(bold ? Fonts.Bold : Fonts.Regular, sizePt, Ink);

    public void Dispose()
    {
        foreach (var s in new[] { Body, Small, Tiny, Letter, Bold, OrgName, Title, LetterTitle, Amount, Stamp }) s.Dispose();
    }
}

/// <summary>
/// One PDF being written: A4 pages are drawn and ended one after another straight into the output stream,
/// so a batch of 10,000 invoices needs no more memory than one.
/// </summary>
public sealed class PdfBook : IDisposable
{
    public static readonly float PageWidth = Mm.Pt(Mm.A4Width);
    public static readonly float PageHeight = Mm.Pt(Mm.A4Height);

    private readonly SKDocument _document;
    private readonly SKImage? _seal;
    private bool _closed;

    public PdfBook(Stream output, PdfFonts fonts, OrganisationPrint organisation, string title, DateTime createdUtc)
    {
        _document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = title,
            Author = organisation.Name,
            Creator = "MemberHub",
            Producer = "MemberHub (SkiaSharp)",
            Creation = createdUtc,
            Modified = createdUtc,
            RasterDpi = 300,
            EncodingQuality = 90,
        }) ?? throw new InvalidOperationException("The PDF document could not be created.");
        Styles = new DocumentStyles(fonts);
        Organisation = organisation;
        if (organisation.SealImage is { Length: > 0 } seal)
            _seal = SKImage.FromEncodedData(seal);
    }

    public DocumentStyles Styles { get; }
    public OrganisationPrint Organisation { get; }
    public SKImage? Seal => _seal;

    /// <summary>Draws one A4 page and writes it out.</summary>
    public void AddPage(Action<SKCanvas> draw)
    {
        var canvas = _document.BeginPage(PageWidth, PageHeight);
        draw(canvas);
        _document.EndPage();
    }

    public void AddInvoice(InvoicePrint invoice) => AddPage(c => InvoiceLayout.Draw(c, this, invoice));

    public void AddLetter(LetterPrint letter)
    {
        var pages = LetterLayout.Paginate(Styles, letter);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = i;
            AddPage(c => LetterLayout.Draw(c, this, letter, pages, page));
        }
    }

    /// <summary>Writes the PDF's trailer (fonts, cross-reference table); the output is complete after this.</summary>
    public void Close()
    {
        if (_closed) return;
        _document.Close();
        _closed = true;
    }

    public void Dispose()
    {
        Close();
        _document.Dispose();
        _seal?.Dispose();
        Styles.Dispose();
    }
}
