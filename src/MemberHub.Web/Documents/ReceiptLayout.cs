using MemberHub.Common;
using MemberHub.Thanks;
using SkiaSharp;

namespace MemberHub.Web.Documents;

/// <summary>A line of a 領収書's breakdown (内訳): "2026年度会費（2026-00123）　5,000円".</summary>
public sealed record ReceiptLinePrint(string Label, Yen Amount);

/// <summary>
/// What a receipt prints. <see cref="Gifts"/> are the donations a 寄附金受領証明書 certifies (one for a single gift,
/// every gift of the year for the annual one); <see cref="CertificationNumber"/> and <see cref="CertifiedOn"/> are the
/// organisation's 認定 as it stood when the certificate was printed.
/// </summary>
public sealed record ReceiptPrint(
    ReceiptKind Kind,
    string Number,
    DateOnly IssuedOn,
    bool IsReissue,
    RecipientPrint Recipient,
    Yen Amount,
    string Purpose,
    DateOnly? ReceivedOn,
    string? MethodLabel,
    IReadOnlyList<ReceiptLinePrint> Lines,
    IReadOnlyList<Gift> Gifts,
    int? CalendarYear,
    string? CertificationNumber,
    DateOnly? CertifiedOn,
    string? ExcludedNote,
    string? TaxNote = null,
    string? CompetentAuthority = null,
    DateOnly? CertifiedUntil = null);

/// <summary>
/// 領収書 and 寄附金受領証明書 on one A4 page each, in the house layout of the invoices: the recipient where a 長形3号
/// window shows it (receipts are posted too), number and date top right, the organisation with its 角印 below.
/// </summary>
public static class ReceiptLayout
{
    private const float L = PageBlocks.LeftMargin;
    private const float R = PageBlocks.RightEdge;

    public static void Draw(SKCanvas canvas, PdfBook book, ReceiptPrint r)
    {
        if (r.Kind == ReceiptKind.Payment) DrawReceipt(canvas, book, r);
        else DrawCertificate(canvas, book, r);
    }

    private static float Header(SKCanvas canvas, PdfBook book, ReceiptPrint r, string numberLabel)
    {
        var s = book.Styles;
        PageBlocks.FoldMarks(canvas);
        PageBlocks.Recipient(canvas, s, r.Recipient);
        var y = 18f;
        foreach (var (label, value) in new[] { (numberLabel, r.Number), ("発行日", JapaneseFormat.Date(r.IssuedOn)) })
        {
            TextPainter.Draw(canvas, s.Small, label, 130f, y);
            TextPainter.Draw(canvas, s.Small, value, R, y, Align.Right);
            y += 4.5f;
        }
        PageBlocks.HLine(canvas, 130f, R, y - 3f, 0.3f, DocumentStyles.Rule);
        return y;
    }

    private static void ReissueMark(SKCanvas canvas, DocumentStyles s, bool isReissue)
    {
        if (!isReissue) return;
        // Red and boxed, beside the title, so a copy is never mistaken for a second, separate payment.
        using var pen = new SKPaint { Color = s.Stamp.Paint.Color, StrokeWidth = 1.2f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(SKRect.Create(Mm.Pt(150f), Mm.Pt(66f), Mm.Pt(34f), Mm.Pt(14f)), pen);
        using var style = new TextStyle(s.Fonts.Bold, 18f, s.Stamp.Paint.Color);
        TextPainter.Draw(canvas, style, "再発行", 167f, 76f, Align.Center, letterSpacingMm: 1.5f);
    }

    private static void DrawReceipt(SKCanvas canvas, PdfBook book, ReceiptPrint r)
    {
        var s = book.Styles;
        Header(canvas, book, r, "領収書番号");
        PageBlocks.Organisation(canvas, book, 33f, 130f, withSeal: true, null);

        TextPainter.Draw(canvas, s.Title, "領収書", Mm.A4Width / 2, 78f, Align.Center, letterSpacingMm: 6f);
        PageBlocks.HLine(canvas, 80f, 130f, 80.5f, 0.6f);
        PageBlocks.HLine(canvas, 80f, 130f, 81.5f, 0.6f);
        ReissueMark(canvas, s, r.IsReissue);

        // The amount, boxed, with ￥ and the closing ー that stop anyone adding a digit.
        var y = 92f;
        PageBlocks.Box(canvas, 40f, y, 130f, 18f, strokePt: 1f);
        PageBlocks.Box(canvas, 40f, y, 30f, 18f, DocumentStyles.HeaderFill, 1f);
        TextPainter.Draw(canvas, s.Bold, "金額", 55f, y + 11f, Align.Center, letterSpacingMm: 2f);
        using (var big = new TextStyle(s.Fonts.Bold, 24f, DocumentStyles.Ink))
            TextPainter.Draw(canvas, big, "￥" + JapaneseFormat.Number(r.Amount.Value) + "－", 165f, y + 12.5f, Align.Right);
        y += 26f;

        TextPainter.Draw(canvas, s.Body, "但し", 40f, y);
        TextPainter.Draw(canvas, s.Bold, r.Purpose, 52f, y);
        PageBlocks.HLine(canvas, 50f, 170f, y + 1.5f, 0.4f, DocumentStyles.Rule);
        y += 9f;
        TextPainter.Draw(canvas, s.Body, "上記の金額を正に領収いたしました。", 40f, y);
        y += 12f;

        var rows = new List<(string, string)>();
        if (r.ReceivedOn is { } on) rows.Add(("受領日", JapaneseFormat.Date(on)));
        if (r.MethodLabel is { } m) rows.Add(("お支払方法", m));
        foreach (var (label, value) in rows)
        {
            PageBlocks.Box(canvas, 40f, y, 30f, 7f, DocumentStyles.HeaderFill, 0.4f);
            PageBlocks.Box(canvas, 70f, y, 100f, 7f, strokePt: 0.4f);
            TextPainter.Draw(canvas, s.Small, label, 55f, y + 4.8f, Align.Center);
            TextPainter.Draw(canvas, s.Body, value, 73f, y + 5f);
            y += 7f;
        }
        if (r.Lines.Count > 0)
        {
            y += 8f;
            TextPainter.Draw(canvas, s.Bold, "内訳", 40f, y);
            y += 2.5f;
            foreach (var line in r.Lines)
            {
                PageBlocks.Box(canvas, 40f, y, 130f, 7f, strokePt: 0.3f);
                TextPainter.Draw(canvas, s.Body, line.Label, 43f, y + 5f);
                TextPainter.Draw(canvas, s.Body, line.Amount.ToString(), 167f, y + 5f, Align.Right);
                y += 7f;
            }
        }
        y += 8f;
        if (r.TaxNote is { Length: > 0 } taxNote)
            TextPainter.DrawWrapped(canvas, s.Small, taxNote, 40f, y, 130f, 4.2f);

        // Where a 収入印紙 would be pasted on a company's receipt: say why there is none.
        var sy = 228f;
        PageBlocks.Box(canvas, L, sy, 26f, 26f, strokePt: 0.4f);
        TextPainter.Draw(canvas, s.Small, "収入印紙", L + 13f, sy + 11f, Align.Center);
        TextPainter.Draw(canvas, s.Small, "不要", L + 13f, sy + 16f, Align.Center);
        TextPainter.DrawWrapped(canvas, s.Tiny, ReceiptWording.StampDutyNote, L + 30f, sy + 4f, R - L - 30f, 3.6f);
        InvoiceLayout.Footer(canvas, s, book.Organisation);
    }

    private static void DrawCertificate(SKCanvas canvas, PdfBook book, ReceiptPrint r)
    {
        var s = book.Styles;
        Header(canvas, book, r, "証明書番号");
        TextPainter.Draw(canvas, s.Title, "寄附金受領証明書", Mm.A4Width / 2, 72f, Align.Center, letterSpacingMm: 2f);
        PageBlocks.HLine(canvas, 62f, 148f, 74.5f, 0.6f);
        PageBlocks.HLine(canvas, 62f, 148f, 75.5f, 0.6f);
        if (r.CalendarYear is { } year)
            TextPainter.Draw(canvas, s.Body, $"（{year}年1月1日〜{year}年12月31日 受領分）", Mm.A4Width / 2, 81f, Align.Center);
        ReissueMark(canvas, s, r.IsReissue);

        var y = 90f;
        // 寄附者: name and address, as the tax office expects them on the certificate.
        float[] col = [L, 48f, R];
        void Row(string label, string value, TextStyle style, float h = 8f)
        {
            PageBlocks.Box(canvas, col[0], y, col[1] - col[0], h, DocumentStyles.HeaderFill, 0.4f);
            PageBlocks.Box(canvas, col[1], y, col[2] - col[1], h, strokePt: 0.4f);
            TextPainter.Draw(canvas, s.Small, label, (col[0] + col[1]) / 2, y + h / 2 + 1.5f, Align.Center);
            TextPainter.Draw(canvas, style, value, col[1] + 3f, y + h / 2 + 1.7f);
            y += h;
        }
        // The donor is the organisation, not its contact person, who is named only in the address block.
        Row("寄附者 氏名", r.Recipient.Name + "　" + (r.Recipient.ContactName is { Length: > 0 } ? "御中" : r.Recipient.Honorific), s.Bold);
        Row("寄附者 住所", (r.Recipient.PostalCode is { Length: > 0 } pc ? "〒" + pc + "　" : "") + r.Recipient.Address, s.Body);
        Row("寄附金額", r.Amount.ToString(), s.Amount, 12f);
        if (r.Gifts.Count == 1)
            Row("受領年月日", JapaneseFormat.Date(r.Gifts[0].ReceivedOn), s.Body);
        y += 6f;

        if (r.Gifts.Count > 1)
        {
            TextPainter.Draw(canvas, s.Bold, "内訳（受領年月日・金額）", L, y);
            y += 2.5f;
            // Two columns of gifts so a monthly donor's year fits on the page; four, smaller, for a weekly one.
            var columns = r.Gifts.Count > 24 ? 4 : 2;
            var rowH = r.Gifts.Count > 24 ? 4.2f : 6f;
            var colW = (R - L - (columns - 1) * 2f) / columns;
            var perColumn = (r.Gifts.Count + columns - 1) / columns;
            var top = y;
            var style = r.Gifts.Count > 24 ? s.Tiny : s.Small;
            for (var i = 0; i < r.Gifts.Count; i++)
            {
                var x = L + (i / perColumn) * (colW + 2f);
                var gy = top + (i % perColumn) * rowH;
                PageBlocks.Box(canvas, x, gy, colW, rowH, strokePt: 0.3f);
                TextPainter.Draw(canvas, style, JapaneseFormat.Date(r.Gifts[i].ReceivedOn), x + 2f, gy + rowH * 0.7f);
                TextPainter.Draw(canvas, style, r.Gifts[i].Amount.ToString(), x + colW - 2f, gy + rowH * 0.7f, Align.Right);
            }
            y = top + perColumn * rowH + 4f;
        }
        if (r.ExcludedNote is { Length: > 0 } excluded)
            y = TextPainter.DrawWrapped(canvas, s.Small, "※" + excluded, L, y + 2f, PageBlocks.ContentWidth, 4.2f);

        y += 4f;
        y = TextPainter.DrawWrapped(canvas, s.Letter, ReceiptWording.DonationStatement, L, y, PageBlocks.ContentWidth, 5.5f);
        y += 4f;

        // The organisation (名称・所在地・代表者 and the seal) on the right, its 認定 on the left at the same height: below
        // the text, and clear of the tax notes at the foot of the page even when a weekly donor's year fills it.
        var orgTop = Math.Min(Math.Max(y, 160f), 196f);
        PageBlocks.Organisation(canvas, book, orgTop + 4f, 110f, withSeal: true, null);
        var cy = orgTop + 8f;
        foreach (var line in CertificationLines(r))
            cy = TextPainter.DrawWrapped(canvas, s.Small, line, L, cy, 110f - L - 6f, 4.5f);

        var ny = 250f;
        PageBlocks.HLine(canvas, L, R, ny - 5f, 0.3f, DocumentStyles.Rule);
        TextPainter.Draw(canvas, s.Bold, "税制上の優遇措置について", L, ny);
        ny = TextPainter.DrawWrapped(canvas, s.Small, ReceiptWording.TaxUseNote, L, ny + 5f, PageBlocks.ContentWidth, 4.2f);
        TextPainter.DrawWrapped(canvas, s.Tiny, ReceiptWording.StampDutyNote, L, ny + 2f, PageBlocks.ContentWidth, 3.6f);
        InvoiceLayout.Footer(canvas, s, book.Organisation);
    }

    /// <summary>認定特定非営利活動法人 with its 所轄庁, the number, the date of 認定 and the end of its period.</summary>
    private static List<string> CertificationLines(ReceiptPrint r)
    {
        var lines = new List<string> { "認定特定非営利活動法人" + (r.CompetentAuthority is { Length: > 0 } a ? $"（所轄庁　{a}）" : "") };
        if (r.CertificationNumber is { Length: > 0 } n) lines.Add("認定番号　" + n);
        if (r.CertifiedOn is { } on) lines.Add("認定年月日　" + JapaneseFormat.Date(on));
        if (r.CertifiedUntil is { } until) lines.Add($"有効期間　{JapaneseFormat.Date(until)}まで");
        return lines;
    }
}
