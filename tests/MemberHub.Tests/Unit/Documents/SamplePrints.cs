using System.Diagnostics;
using System.Text;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Web.Documents;
using UglyToad.PdfPig;

namespace MemberHub.Tests.Unit.Documents;

/// <summary>Realistic things to print, and reading a PDF back.</summary>
public static class SamplePrints
{
    public const string FontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    public const string BoldFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

    public static readonly Lazy<PdfFonts> Fonts = new(() => new PdfFonts(FontPath, BoldFontPath));

    public static OrganisationPrint Organisation(byte[]? seal = null) => new(
        "特定非営利活動法人 みどりの森ネットワーク", "150-0001", "東京都渋谷区神宮前1-2-3 グリーンビル4階", "03-1234-5678",
        "info@midori.example.jp", "理事長 山田 太郎", seal,
        "お振込みの際は、振込依頼人名の前に会員番号を入力してください（例：1234 ヤマダタロウ）。",
        "本会費は消費税の課税対象外（不課税）です。",
        [
            new BankAccountPrint("ゆうちょ銀行", "〇一八支店", "普通", "1234567", "トクヒ）ミドリノモリネツトワーク"),
            new BankAccountPrint("みずほ銀行", "渋谷支店", "普通", "7654321", "トクヒ）ミドリノモリ"),
        ]);

    public static InvoicePrint PersonInvoice(string number = "2026-00123") => new(
        number, 2026, 1234, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 23),
        new RecipientPrint("佐藤 花子", null, "様", "160-0023", "東京都新宿区西新宿2-8-1 都庁前マンション1203号室"),
        [new InvoiceLinePrint("正会員 年会費", 1, new Yen(5000), new Yen(2500), "2026年10月入会のため半額")],
        new Yen(2500), Yen.Zero, new Yen(2500), TaxClass.NonTaxable, 0, null, false);

    public static InvoicePrint OrganisationInvoice(string? contact, string honorific) => new(
        "2026-00124", 2026, 88, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 23),
        new RecipientPrint("株式会社 山田商事", contact, honorific, "530-0001", "大阪府大阪市北区梅田3-1-1"),
        [new InvoiceLinePrint("賛助会員（法人） 年会費", 3, new Yen(10000), new Yen(30000), null)],
        new Yen(30000), new Yen(3000), new Yen(33000), TaxClass.Taxable10, 10, "T1234567890123", false);

    public static string Render(Action<PdfBook> add, OrganisationPrint? organisation = null)
    {
        var path = Path.Combine(OutputFolder, $"doc-{Guid.NewGuid():N}.pdf");
        using (var file = File.Create(path))
        using (var book = new PdfBook(file, Fonts.Value, organisation ?? Organisation(), "test", new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc)))
        {
            add(book);
            book.Close();
        }
        return path;
    }

    /// <summary>The test run's folder for PDFs and their PNG renderings, to look at.</summary>
    public static string OutputFolder
    {
        get
        {
            var d = Path.Combine(AppContext.BaseDirectory, "documents");
            Directory.CreateDirectory(d);
            return d;
        }
    }

    /// <summary>The text of each page, NFKC-normalised (PdfPig reports some kanji as Kangxi radicals).</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => Nfkc(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
    }

    public static string Nfkc(string s) => s.Normalize(NormalizationForm.FormKC);

    /// <summary>Renders the first page to PNG next to the PDF (pdftoppm -png -r 80), when poppler is installed.</summary>
    public static string? ToPng(string pdfPath)
    {
        var prefix = Path.ChangeExtension(pdfPath, null);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", pdfPath, prefix])
            {
                RedirectStandardError = true,
            });
            p!.WaitForExit(30_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        return Directory.GetFiles(Path.GetDirectoryName(pdfPath)!, Path.GetFileName(prefix) + "*.png").OrderBy(x => x).FirstOrDefault();
    }
}
