using System.Diagnostics;
using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Web.Documents;

// Renders N invoices (default 10,000) into one PDF, then N one-invoice PDFs, with the layouts the site uses
// (no database: the records are made up here). Prints time and memory sampled during each run.
//   dotnet run -c Release --project tests/MemberHub.Benchmarks.Documents -- [count] [output folder]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "memberhub-bench-documents");
Directory.CreateDirectory(folder);
var fontDir = "/usr/share/fonts/opentype/noto/";
using var fonts = new PdfFonts(fontDir + "NotoSansCJK-Regular.ttc", fontDir + "NotoSansCJK-Bold.ttc");
var organisation = new OrganisationPrint("特定非営利活動法人 みどりの森ネットワーク", "150-0001", "東京都渋谷区神宮前1-2-3 グリーンビル4階",
    "03-1234-5678", "info@midori.example.jp", "理事長 山田 太郎", Seal(),
    "お振込みの際は、振込依頼人名の前に会員番号を入力してください（例：1234 ヤマダタロウ）。", "本会費は消費税の課税対象外（不課税）です。",
    [new BankAccountPrint("ゆうちょ銀行", "〇一八支店", "普通", "1234567", "トクヒ）ミドリノモリ"),
     new BankAccountPrint("みずほ銀行", "渋谷支店", "普通", "7654321", "トクヒ）ミドリノモリ")]);
var created = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

Console.WriteLine($"MemberHub document benchmark: {count:N0} invoices, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Warm();

// 1. One PDF with every invoice (the run's postal batch).
var batchPath = Path.Combine(folder, "batch.pdf");
var samples = new List<(int Done, long Managed, long WorkingSet)>();
var clock = Stopwatch.StartNew();
using (var file = new FileStream(batchPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
using (var book = new PdfBook(file, fonts, organisation, "会費ご請求書", created))
{
    for (var i = 0; i < count; i++)
    {
        book.AddInvoice(Invoice(i));
        if ((i + 1) % Math.Max(1, count / 20) == 0) samples.Add(Sample(i + 1));
    }
    book.Close();
}
clock.Stop();
var batchSize = new FileInfo(batchPath).Length;
Report("one PDF", clock.Elapsed, samples, batchSize);

// 2. One PDF per invoice (e-mail attachments), each written to memory and discarded.
samples.Clear();
long totalBytes = 0;
clock.Restart();
for (var i = 0; i < count; i++)
{
    using var ms = new MemoryStream();
    using (var book = new PdfBook(ms, fonts, organisation, "会費ご請求書", created))
    {
        book.AddInvoice(Invoice(i));
        book.Close();
    }
    totalBytes += ms.Length;
    if ((i + 1) % Math.Max(1, count / 20) == 0) samples.Add(Sample(i + 1));
}
clock.Stop();
Report("one PDF per invoice", clock.Elapsed, samples, totalBytes);
return;

void Warm()
{
    using var ms = new MemoryStream();
    using var book = new PdfBook(ms, fonts, organisation, "warm", created);
    book.AddInvoice(Invoice(0));
    book.Close();
    GC.Collect();
}

static (int, long, long) Sample(int done)
{
    using var p = Process.GetCurrentProcess();
    return (done, GC.GetTotalMemory(false), p.WorkingSet64);
}

static void Report(string what, TimeSpan elapsed, List<(int Done, long Managed, long WorkingSet)> samples, long bytes)
{
    const double mb = 1024 * 1024;
    Console.WriteLine();
    Console.WriteLine($"{what}: {elapsed.TotalSeconds:F1} s ({elapsed.TotalMilliseconds / samples[^1].Done:F2} ms per invoice), {bytes / mb:F1} MB written");
    Console.WriteLine("  invoices   managed heap   working set");
    foreach (var s in samples)
        Console.WriteLine($"  {s.Done,8:N0}   {s.Managed / mb,9:F1} MB   {s.WorkingSet / mb,8:F1} MB");
    Console.WriteLine($"  peak working set {samples.Max(s => s.WorkingSet) / mb:F1} MB, peak managed {samples.Max(s => s.Managed) / mb:F1} MB");
}

static InvoicePrint Invoice(int i)
{
    string[] surnames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];
    string[] given = ["花子", "一郎", "健一", "美咲", "翔太", "由美", "大輔", "さくら", "誠", "直樹"];
    var organisation = i % 7 == 0;
    var taxable = i % 11 == 0;
    var units = 1 + i % 3;
    var amount = new Yen(5000 * units);
    var tax = taxable ? new Yen(amount.Value / 10) : Yen.Zero;
    return new InvoicePrint(
        MemberHub.Billing.Invoice.FormatNumber(2026, i + 1), 2026, 1000 + i, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 23),
        organisation
            ? new RecipientPrint($"株式会社 {surnames[i % 10]}商事", i % 2 == 0 ? $"総務部 {surnames[(i + 3) % 10]} {given[i % 10]}" : null, i % 2 == 0 ? "様" : "御中",
                $"{100 + i % 900:000}-{i % 10000:0000}", $"東京都千代田区丸の内{1 + i % 3}-{1 + i % 9}-{1 + i % 20}")
            : new RecipientPrint($"{surnames[i % 10]} {given[(i / 10) % 10]}", null, "様",
                $"{100 + i % 900:000}-{i % 10000:0000}", $"神奈川県横浜市中区山下町{1 + i % 200}番地 シーサイドコート{100 + i % 900}号室"),
        [new InvoiceLinePrint(organisation ? "賛助会員（法人） 年会費" : "正会員 年会費", units, new Yen(5000), amount, i % 13 == 0 ? "2026年10月入会のため半額" : null)],
        amount, tax, amount + tax, taxable ? TaxClass.Taxable10 : TaxClass.NonTaxable, taxable ? 10 : 0, taxable ? "T1234567890123" : null, false);
}

static byte[] Seal()
{
    using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(120, 120));
    surface.Canvas.Clear(SkiaSharp.SKColors.Transparent);
    using var pen = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0xCC, 0x22, 0x22), Style = SkiaSharp.SKPaintStyle.Stroke, StrokeWidth = 8 };
    surface.Canvas.DrawRect(8, 8, 104, 104, pen);
    using var image = surface.Snapshot();
    using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
    return data.ToArray();
}
