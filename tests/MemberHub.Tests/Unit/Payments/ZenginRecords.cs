using System.Text;
using MemberHub.Payments;

namespace MemberHub.Tests.Unit.Payments;

/// <summary>Builds 200-byte Zengin records field by field (1-based byte positions, as DOMAIN.md lists them).</summary>
internal sealed class ZenginRecord
{
    private readonly byte[] _bytes = Enumerable.Repeat((byte)' ', ZenginReader.RecordLength).ToArray();

    public ZenginRecord(char type) => _bytes[0] = (byte)type;

    public ZenginRecord Text(int start, int length, string value)
    {
        var b = BankEncodings.ShiftJis.GetBytes(value);
        if (b.Length > length) throw new ArgumentException($"'{value}' is longer than {length} bytes");
        b.CopyTo(_bytes, start - 1);
        return this;
    }

    public ZenginRecord Number(int start, int length, long value) =>
        Text(start, length, value.ToString(new string('0', length), System.Globalization.CultureInfo.InvariantCulture));

    public byte[] Bytes => _bytes;

    public static ZenginRecord NoticeHeader(string created = "080415", string from = "080410", string to = "080415",
        string account = "1234567", char codeType = '0') =>
        new ZenginRecord('1').Text(2, 2, "01").Text(4, 1, codeType.ToString()).Text(5, 6, created).Text(11, 6, from).Text(17, 6, to)
            .Text(23, 4, "9999").Text(27, 15, "ﾃｽﾄｷﾞﾝｺｳ").Text(42, 3, "001").Text(45, 15, "ﾎﾝﾃﾝ")
            .Text(60, 1, "1").Text(61, 7, account).Text(68, 40, "ﾄｸﾋ)ﾒﾝﾊﾞ-ﾊﾌﾞ");

    public static ZenginRecord Notice(int reference, string booked, long amount, string payer, bool cancel = false) =>
        new ZenginRecord('2').Number(2, 6, reference).Text(8, 6, booked).Text(14, 6, booked).Number(20, 10, amount)
            .Number(30, 10, 0).Text(50, 48, payer).Text(128, 1, cancel ? "1" : "0");

    public static ZenginRecord NoticeTrailer(long count, long total, long cancelCount = 0, long cancelTotal = 0) =>
        new ZenginRecord('8').Number(2, 6, count).Number(8, 12, total).Number(20, 6, cancelCount).Number(26, 12, cancelTotal);

    public static ZenginRecord StatementHeader(string account, long openingBalance, string created = "080509") =>
        new ZenginRecord('1').Text(2, 2, "03").Text(4, 1, "0").Text(5, 6, created).Text(11, 6, "080507").Text(17, 6, created)
            .Text(23, 4, "9999").Text(27, 15, "ﾃｽﾄｷﾞﾝｺｳ").Text(42, 3, "001").Text(45, 15, "ﾎﾝﾃﾝ").Text(63, 1, "1")
            .Text(64, 10, account.PadLeft(10, '0')).Text(74, 40, "ﾄｸﾋ)ﾒﾝﾊﾞ-ﾊﾌﾞ").Text(114, 1, "1").Text(115, 1, "1")
            .Number(116, 14, openingBalance);

    public static ZenginRecord StatementLine(int reference, string booked, bool credit, string type, long amount, string payer = "", string description = "") =>
        new ZenginRecord('2').Number(2, 8, reference).Text(10, 6, booked).Text(16, 6, booked).Text(22, 1, credit ? "1" : "2")
            .Text(23, 2, type).Number(25, 12, amount).Number(37, 12, 0).Text(49, 6, "000000").Text(55, 6, "000000")
            .Text(61, 1, "0").Text(62, 7, "0000000").Text(69, 3, "000").Text(72, 10, "0000000000").Text(82, 48, payer)
            .Text(160, 20, description);

    public static ZenginRecord StatementTrailer(long credits, long creditTotal, long debits, long debitTotal, long closing, long records) =>
        new ZenginRecord('8').Number(2, 6, credits).Number(8, 13, creditTotal).Number(21, 6, debits).Number(27, 13, debitTotal)
            .Text(40, 1, "1").Number(41, 14, closing).Number(55, 7, records);

    public static ZenginRecord End() => new('9');

    public static ZenginRecord StatementEnd(long records, long accounts) => new ZenginRecord('9').Number(2, 10, records).Number(12, 5, accounts);

    public static byte[] File(string separator, params ZenginRecord[] records)
    {
        var sep = Encoding.ASCII.GetBytes(separator);
        return records.SelectMany(r => r.Bytes.Concat(sep)).ToArray();
    }
}
