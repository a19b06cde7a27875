using System.Globalization;
using System.Text;
using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Text;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments.DonorRegister;

public sealed record DonorRegisterRow(DateOnly ReceivedOn, int MemberNumber, string Name, string? PostalCode, string Address, Yen Amount,
    PaymentMethod Method, long PaymentId);

public sealed record DonorRegisterView(int FiscalYear, string Period, int StartMonth, int CurrentFiscalYear, IReadOnlyList<DonorRegisterRow> Rows)
{
    public Yen Total => Rows.Aggregate(Yen.Zero, (s, r) => s + r.Amount);
}

/// <summary>The CSV, or (Content null) the member numbers whose name or address Shift_JIS cannot hold.</summary>
public sealed record DonorRegisterFile(byte[]? Content, string FileName, IReadOnlyList<int> Unencodable);

/// <summary>
/// 寄附者名簿: every gift received in a fiscal year, one line per gift, with the donor's name and address, the amount and
/// the date received, as an 認定NPO法人 must keep it (and keep it five years). Gifts undone by a reversal are left
/// out; the register is built from the ledger whenever it is asked for, so it is always the ledger's. Every
/// download is audited (who, when, which year): it is personal data leaving the system.
/// </summary>
public sealed class DonorRegisterQuery(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    private static readonly string[] Header = ["受領年月日", "会員番号", "氏名又は名称", "郵便番号", "住所", "寄附金額", "受領方法", "入金番号"];

    public async Task<DonorRegisterView> ViewAsync(int? fiscalYear, CancellationToken ct = default)
    {
        var startMonth = (await db.OrganisationSettings.AsNoTracking().SingleOrDefaultAsync(o => o.Id == OrganisationSettings.SingletonId, ct))?.FiscalYearStartMonth ?? 4;
        var current = FiscalYear.Of(JapanTime.Today(clock), startMonth);
        var year = fiscalYear ?? current;
        var from = FiscalYear.Start(year, startMonth);
        var to = FiscalYear.End(year, startMonth);
        var rows = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.Donation && a.MemberId != null)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { MemberId = a.MemberId!.Value, p.Id, p.ReversesPaymentId, p.ReceivedOn, p.Method, a.Amount })
            .Where(x => x.ReceivedOn >= from && x.ReceivedOn <= to)
            .ToListAsync(ct);
        var methods = rows.Where(r => r.ReversesPaymentId is null).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Method);
        var gifts = rows.GroupBy(r => r.MemberId)
            .SelectMany(g => DonationLedger.Gifts(g.Select(r => new DonationLedgerRow(r.Id, r.ReversesPaymentId, r.ReceivedOn, r.Amount))).Select(gift => (g.Key, gift)))
            .ToList();
        var ids = gifts.Select(g => g.Key).Distinct().ToList();
        var members = new Dictionary<long, Member>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).ToListAsync(ct))
                members[m.Id] = m;
        var list = gifts.Where(g => members.ContainsKey(g.Key))
            .Select(g => new DonorRegisterRow(g.gift.ReceivedOn, members[g.Key].MemberNumber, members[g.Key].Name, members[g.Key].PostalCode,
                members[g.Key].Address, g.gift.Amount, methods.GetValueOrDefault(g.gift.PaymentId), g.gift.PaymentId))
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.PaymentId).ToList();
        return new DonorRegisterView(year, FiscalYear.Period(year, startMonth), startMonth, current, list);
    }

    public async Task<DonorRegisterFile> CsvAsync(int fiscalYear, bool cp932, CancellationToken ct = default)
    {
        var view = await ViewAsync(fiscalYear, ct);
        var encoding = cp932 ? Cp932() : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var text = new StringBuilder();
        text.Append(CsvCell.Line(Header));
        var unencodable = new List<int>();
        foreach (var r in view.Rows)
        {
            var line = CsvCell.Line([
                JapaneseFormat.ShortDate(r.ReceivedOn), r.MemberNumber.ToString(CultureInfo.InvariantCulture), r.Name, r.PostalCode ?? "", r.Address,
                r.Amount.Value.ToString(CultureInfo.InvariantCulture), LedgerLabels.Of(r.Method), r.PaymentId.ToString(CultureInfo.InvariantCulture),
            ]);
            if (cp932 && !CanEncode(encoding, line)) unencodable.Add(r.MemberNumber);
            text.Append(line);
        }
        if (unencodable.Count > 0) return new DonorRegisterFile(null, "", unencodable.Distinct().ToList());
        var content = encoding.GetPreamble().Concat(encoding.GetBytes(text.ToString())).ToArray();

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = "DonorRegister",
            EntityId = fiscalYear.ToString(CultureInfo.InvariantCulture),
            Action = AuditActions.Export,
            Field = "寄附者名簿",
            After = $"{fiscalYear}年度（{view.Period}） {view.Rows.Count}件 {(cp932 ? "Shift_JIS" : "UTF-8")}",
        });
        await db.SaveChangesAsync(ct);
        return new DonorRegisterFile(content, $"donor-register-{fiscalYear}.csv", []);
    }

    private static Encoding Cp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static bool CanEncode(Encoding encoding, string text)
    {
        try
        {
            encoding.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
