using System.Security.Cryptography;
using System.Text;
using MemberHub.Payments;

namespace MemberHub.Banking;

/// <summary>One line of a bank file as the import stores it, whichever format it came in.</summary>
public sealed record BankFileLine(
    string AccountKey,
    string AccountLabel,
    string? BankCode,
    string? BranchCode,
    string? AccountNumber,
    string LineKey,
    int LineNumber,
    DateOnly BookedOn,
    long Credit,
    long Debit,
    string PayerName,
    string Description,
    long? Balance,
    string TransactionType,
    bool IsMatchCandidate)
{
    /// <summary>A Zengin cancellation (取消区分 1): the <see cref="LineKey"/> of the notice it withdraws.</summary>
    public string? CancelsLineKey { get; init; }
}

/// <summary>A bank file read and checked: its format and every line (credits and debits), in file order.</summary>
public sealed record BankFileContent(
    BankFileFormat Format,
    string EncodingName,
    string? CsvLayoutName,
    IReadOnlyList<BankFileLine> Lines,
    string Sha256)
{
    public IEnumerable<BankFileLine> Candidates => Lines.Where(l => l.IsMatchCandidate);
}

/// <summary>How to read a CSV download: a layout (preset or saved mapping) or none to recognise a preset by the header; the account it belongs to.</summary>
public sealed record CsvReading(BankCsvLayout? Layout, Encoding? Encoding, string? AccountName = null);

/// <summary>
/// Reads any bank file the import accepts: a 全銀協 file (recognised by its 200-byte header record, or by EBCDIC)
/// or else a net-banking CSV through a column mapping. Throws <see cref="BankFileFormatException"/> (Japanese)
/// for a file that cannot be imported as it is.
/// </summary>
public static class BankFileReader
{
    public static bool LooksLikeZengin(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return false;
        if (bytes[0] == 0xF1) return true;   // '1' in EBCDIC: a Zengin header the reader will refuse clearly
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
        if (bytes.Length < 4 || bytes[0] != (byte)'1' || bytes[1] != (byte)'0' || bytes[2] is not ((byte)'1' or (byte)'3')) return false;
        // A CSV whose first cell happens to begin with "101…" has a comma in its first line.
        var firstLine = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var head = firstLine < 0 ? bytes : bytes[..firstLine];
        return !head.Contains((byte)',');
    }

    public static BankFileContent Read(byte[] bytes, DateOnly today, CsvReading? csv = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) throw new BankFileFormatException("ファイルが空です。");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return LooksLikeZengin(bytes) ? ReadZengin(bytes, today, sha) : ReadCsv(bytes, csv ?? new CsvReading(null, null), sha);
    }

    private static BankFileContent ReadZengin(byte[] bytes, DateOnly today, string sha)
    {
        var file = ZenginReader.Read(bytes, today);
        var lines = new List<BankFileLine>();
        foreach (var a in file.Accounts)
        {
            var key = $"{a.BankCode}-{a.BranchCode}-{a.AccountType}-{a.AccountNumber.TrimStart('0')}";
            var label = $"{a.BankName} {a.BranchName} {a.AccountTypeName} {a.AccountNumber}".Trim();
            foreach (var t in a.Transactions)
            {
                var description = t.Description.Length > 0 ? t.Description
                    : string.Join(" ", new[] { t.RemittingBank, t.RemittingBranch }.Where(s => s.Length > 0));
                if (t.IsCancellation) description = ("取消 " + description).Trim();
                lines.Add(new BankFileLine(key, label, a.BankCode, a.BranchCode, a.AccountNumber, t.Id, t.RecordNumber, t.BookedOn,
                    t.IsCredit ? t.Amount : 0, t.IsCredit ? 0 : t.Amount, t.PayerName, description, null,
                    t.TransactionTypeName, t.IsMatchCandidate) { CancelsLineKey = t.CancelsId });
            }
        }
        var format = file.Accounts[0].Kind == ZenginKind.TransferNotice ? BankFileFormat.ZenginTransferNotice : BankFileFormat.ZenginStatement;
        return new BankFileContent(format, "Shift_JIS", null, lines, sha);
    }

    private static BankFileContent ReadCsv(byte[] bytes, CsvReading csv, string sha)
    {
        var file = BankCsvReader.Read(new MemoryStream(bytes), csv.Layout, csv.Encoding);
        var account = csv.AccountName is { Length: > 0 } name ? name : file.Layout.DisplayName;
        var key = "csv:" + account;
        var lines = file.Lines.Select(l => new BankFileLine(key, account, null, null, null, l.Id, l.LineNumber, l.BookedOn,
            l.Credit, l.Debit, l.PayerName, l.Description, l.Balance, "", l.IsCredit)).ToList();
        var encoding = file.Encoding.CodePage == 932 ? "Shift_JIS" : "UTF-8";
        return new BankFileContent(BankFileFormat.Csv, encoding, file.Layout.Name, lines, sha);
    }
}
