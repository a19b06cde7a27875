using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using SkiaSharp;

namespace MemberHub.Web.Documents;

/// <summary>
/// 会費ご請求書 on one A4 page: the recipient where a 長形3号 window shows it, the sender and its seal at the
/// top right, then the amount and due date, the lines, the tax (適格請求書 for 課税 classes, the 不課税 wording
/// otherwise) and the accounts to pay into.
/// </summary>
public static class InvoiceLayout
{
    private const float L = PageBlocks.LeftMargin;
    private const float R = PageBlocks.RightEdge;

    public static void Draw(SKCanvas canvas, PdfBook book, InvoicePrint inv)
    {
        var s = book.Styles;
        var o = book.Organisation;
        PageBlocks.FoldMarks(canvas);
        PageBlocks.Recipient(canvas, s, inv.Recipient);

        // Number, dates and member number, top right.
        var y = 18f;
        foreach (var (label, value) in new[]
                 {
                     ("請求書番号", inv.InvoiceNumber),
                     ("発行日", JapaneseFormat.Date(inv.IssuedOn)),
                     ("会員番号", inv.MemberNumber.ToString(CultureInfo.InvariantCulture)),
                 })
        {
            TextPainter.Draw(canvas, s.Small, label, 130f, y);
            TextPainter.Draw(canvas, s.Small, value, R, y, Align.Right);
            y += 4.5f;
        }
        PageBlocks.HLine(canvas, 130f, R, y - 3f, 0.3f, DocumentStyles.Rule);

        var taxable = inv.TaxClass == TaxClass.Taxable10;
        PageBlocks.Organisation(canvas, book, 37f, 130f, withSeal: true, taxable ? inv.TaxRegistrationNumber : null);

        // Title, below the window so it does not show through the envelope.
        TextPainter.Draw(canvas, s.Title, "会費ご請求書", Mm.A4Width / 2, 78f, Align.Center, letterSpacingMm: 2.5f);
        PageBlocks.HLine(canvas, 72f, 138f, 80.5f, 0.6f);
        PageBlocks.HLine(canvas, 72f, 138f, 81.5f, 0.6f);

        y = 90f;
        var message = $"平素より{o.Name}の活動にご理解とご支援を賜り、誠にありがとうございます。"
                      + $"下記のとおり{inv.FiscalYear}年度の会費をご請求申し上げます。"
                      + "お支払期限までにお振込みくださいますよう、よろしくお願い申し上げます。";
        y = TextPainter.DrawWrapped(canvas, s.Body, message, L, y, PageBlocks.ContentWidth, 5.2f);

        // The amount and the due date, the two things the reader looks for.
        y += 1f;
        PageBlocks.Box(canvas, L, y, 108f, 14f, strokePt: 0.8f);
        PageBlocks.Box(canvas, L, y, 30f, 14f, DocumentStyles.HeaderFill, 0.8f);
        TextPainter.Draw(canvas, s.Bold, "ご請求金額", L + 15f, y + 8.5f, Align.Center);
        var amountW = TextPainter.Draw(canvas, s.Amount, inv.Total.ToString(), L + 100f, y + 9.5f, Align.Right);
        if (taxable) TextPainter.Draw(canvas, s.Small, "（税込）", L + 100f - amountW - 1f, y + 9.5f, Align.Right);
        PageBlocks.Box(canvas, 132f, y, R - 132f, 14f, strokePt: 0.8f);
        TextPainter.Draw(canvas, s.Small, "お支払期限", 135f, y + 5f);
        TextPainter.Draw(canvas, s.Bold, JapaneseFormat.Date(inv.DueOn), R - 3f, y + 10.5f, Align.Right);
        y += 22f;

        y = Lines(canvas, s, inv, y);
        y = Totals(canvas, s, o, inv, y);
        y = Accounts(canvas, s, o, y + 6f);

        if (inv.Cancelled)
        {
            canvas.Save();
            canvas.RotateDegrees(-20, Mm.Pt(105f), Mm.Pt(130f));
            TextPainter.Draw(canvas, s.Stamp, "取消済（この請求書は無効です）", 105f, 130f, Align.Center);
            canvas.Restore();
        }

        Footer(canvas, s, o);
    }

    private static readonly float[] Col = [L, 112f, 128f, 158f, R];

    private static float Lines(SKCanvas canvas, DocumentStyles s, InvoicePrint inv, float y)
    {
        TextPainter.Draw(canvas, s.Bold, "ご請求内容", L, y);
        y += 2.5f;
        PageBlocks.Box(canvas, L, y, R - L, 7f, DocumentStyles.HeaderFill, 0.5f);
        string[] headers = ["会費種別", "口数", "単価", "金額"];
        for (var c = 0; c < 4; c++)
            TextPainter.Draw(canvas, s.Small, headers[c], (Col[c] + Col[c + 1]) / 2, y + 4.8f, Align.Center);
        y += 7f;
        foreach (var line in inv.Lines)
        {
            var noteLines = string.IsNullOrWhiteSpace(line.Note) ? [] : TextPainter.Wrap(s.Tiny, "※" + line.Note, Col[1] - Col[0] - 4f);
            var h = 8f + noteLines.Count * 3.6f;
            PageBlocks.Box(canvas, L, y, R - L, h, strokePt: 0.3f);
            TextPainter.Draw(canvas, s.Body, line.Description, L + 2f, y + 5.5f);
            var ny = y + 9f;
            foreach (var n in noteLines)
            {
                TextPainter.Draw(canvas, s.Tiny, n, L + 3f, ny);
                ny += 3.6f;
            }
            TextPainter.Draw(canvas, s.Body, line.Units.ToString(CultureInfo.InvariantCulture) + "口", Col[2] - 2f, y + 5.5f, Align.Right);
            TextPainter.Draw(canvas, s.Body, line.UnitPrice.ToString(), Col[3] - 2f, y + 5.5f, Align.Right);
            TextPainter.Draw(canvas, s.Body, line.Amount.ToString(), R - 2f, y + 5.5f, Align.Right);
            y += h;
        }
        return y;
    }

    private static float Totals(SKCanvas canvas, DocumentStyles s, OrganisationPrint o, InvoicePrint inv, float y)
    {
        var taxable = inv.TaxClass == TaxClass.Taxable10;
        var rows = new List<(string Label, string Value, bool Strong)>
        {
            ("小計", inv.Subtotal.ToString(), false),
            (taxable ? $"消費税（{inv.TaxRate}%）" : "消費税", taxable ? inv.TaxAmount.ToString() : "不課税", false),
            ("ご請求金額", inv.Total.ToString(), true),
        };
        var top = y;
        foreach (var (label, value, strong) in rows)
        {
            PageBlocks.Box(canvas, Col[2], y, R - Col[2], 7f, strong ? DocumentStyles.HeaderFill : null, strong ? 0.6f : 0.3f);
            TextPainter.Draw(canvas, strong ? s.Bold : s.Small, label, Col[2] + 2f, y + 4.8f);
            TextPainter.Draw(canvas, strong ? s.Bold : s.Body, value, R - 2f, y + 4.9f, Align.Right);
            y += 7f;
        }

        // Left of the totals: what the tax is, per rate (適格請求書の記載事項), or why there is none.
        var ty = top + 5f;
        if (taxable)
        {
            TextPainter.Draw(canvas, s.Small, "【消費税の内訳】", L, ty);
            ty += 4.5f;
            TextPainter.Draw(canvas, s.Small, $"{inv.TaxRate}%対象　{inv.Subtotal}（税抜）　消費税 {inv.TaxAmount}", L + 2f, ty);
            ty += 4.5f;
            TextPainter.Draw(canvas, s.Small, $"合計（{inv.TaxRate}%対象・税込）　{inv.Total}", L + 2f, ty);
            ty += 4.5f;
            if (!string.IsNullOrWhiteSpace(inv.TaxRegistrationNumber))
                TextPainter.Draw(canvas, s.Small, "適格請求書発行事業者登録番号　" + inv.TaxRegistrationNumber, L + 2f, ty);
        }
        else
        {
            TextPainter.DrawWrapped(canvas, s.Small, o.NonTaxableWording, L, ty, Col[2] - L - 6f, 4.2f);
        }
        return y;
    }

    private static float Accounts(SKCanvas canvas, DocumentStyles s, OrganisationPrint o, float y)
    {
        TextPainter.Draw(canvas, s.Bold, "お振込先", L, y);
        y += 2.5f;
        float[] col = [L, 56f, 86f, 100f, 122f, R];
        string[] headers = ["銀行名", "支店名", "種目", "口座番号", "口座名義"];
        PageBlocks.Box(canvas, L, y, R - L, 6.5f, DocumentStyles.HeaderFill, 0.5f);
        for (var c = 0; c < headers.Length; c++)
            TextPainter.Draw(canvas, s.Small, headers[c], col[c] + 2f, y + 4.5f);
        y += 6.5f;
        if (o.BankAccounts.Count == 0)
        {
            PageBlocks.Box(canvas, L, y, R - L, 7f, strokePt: 0.3f);
            TextPainter.Draw(canvas, s.Small, "（振込先は事務局までお問い合わせください）", L + 2f, y + 4.8f);
            y += 7f;
        }
        foreach (var a in o.BankAccounts)
        {
            PageBlocks.Box(canvas, L, y, R - L, 7f, strokePt: 0.3f);
            string[] cells = [a.BankName, a.BranchName, a.AccountType, a.AccountNumber, a.Holder];
            for (var c = 0; c < cells.Length; c++)
                TextPainter.Draw(canvas, c == 3 ? s.Bold : s.Body, cells[c], col[c] + 2f, y + 5f);
            y += 7f;
        }
        y += 5f;
        y = TextPainter.DrawWrapped(canvas, s.Small, "※" + o.TransferInstruction, L, y, PageBlocks.ContentWidth, 4.2f);
        y = TextPainter.DrawWrapped(canvas, s.Small, "※振込手数料はご負担くださいますようお願いいたします。本状と行き違いでお振込みいただいた場合は、ご容赦ください。",
            L, y, PageBlocks.ContentWidth, 4.2f);
        return y;
    }

    public static void Footer(SKCanvas canvas, DocumentStyles s, OrganisationPrint o)
    {
        PageBlocks.HLine(canvas, L, R, 280f, 0.3f, DocumentStyles.Rule);
        var contact = string.Join("　", new[] { o.Phone is { Length: > 0 } p ? "TEL " + p : null, o.Email }.Where(x => !string.IsNullOrEmpty(x)));
        var text = $"お問い合わせ：{o.Name} 事務局" + (contact.Length > 0 ? "　" + contact : "");
        TextPainter.Draw(canvas, s.Tiny, text, Mm.A4Width / 2, 285f, Align.Center);
    }
}
