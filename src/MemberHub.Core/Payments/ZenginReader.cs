using System.Globalization;

namespace MemberHub.Payments;

/// <summary>
/// Reads 全銀協 files: 200-byte records in single-byte JIS (read as CP932), header (1) · data (2) · trailer (8)
/// groups, one per account, and one end record (9). Framing varies by bank: CRLF or LF after each record,
/// or nothing at all, and the last separator may be missing. The whole file is checked before anything is
/// returned; a file that is not valid is refused with a <see cref="BankFileFormatException"/> in Japanese.
/// </summary>
public static class ZenginReader
{
    public const int RecordLength = 200;

    /// <summary>
    /// The credits (入金) of a 振込入金通知 or 入出金取引明細 file, in file order. Id identifies the line:
    /// the same line read from another download of the same data has the same Id.
    /// Cancelled notices, cancellations and corrections are left out (see <see cref="ZenginTransaction.IsMatchCandidate"/>).
    /// </summary>
    public static IReadOnlyList<BankCredit> ReadCredits(Stream file) => Read(file).Credits;

    /// <inheritdoc cref="ReadCredits(Stream)"/>
    /// <param name="today">Resolves era years (平成/令和) when the file has no creation date.</param>
    public static IReadOnlyList<BankCredit> ReadCredits(Stream file, DateOnly today) => Read(file, today).Credits;

    /// <summary>
    /// Reads and checks the whole file: every account, every line (credits and debits), trailer counts,
    /// totals and balances. <paramref name="today"/> is only needed to read a file without a creation date
    /// (作成日); era years are resolved against the creation date, or else against <paramref name="today"/>.
    /// </summary>
    public static ZenginFile Read(Stream file, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return Read(bytes, today);
    }

    public static ZenginFile Read(byte[] bytes, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var records = SplitRecords(bytes);
        return new Parser(records, today).Parse();
    }

    private static List<byte[]> SplitRecords(byte[] bytes)
    {
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is 0x1A or (byte)'\r' or (byte)'\n') end--;  // EOF marker, last separator
        if (end == 0) throw new BankFileFormatException("ファイルが空です。");

        if (bytes[0] == 0xF1)
            throw new BankFileFormatException(
                "このファイルはEBCDICで作られています。JIS（コード区分 0）のファイルを銀行から取り寄せてください。") { RecordNumber = 1 };
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF || HasNonJisBytes(bytes, end, out _) && BankEncodings.LooksLikeUtf8(bytes.AsSpan(0, end)))
            throw new BankFileFormatException(
                "このファイルはUTF-8に変換されています。全銀協の形式（Shift_JIS・1件200バイト）のままのファイルが必要です。" +
                "銀行からダウンロードしたファイルを、テキストエディタなどで開いて保存し直さずにそのまま選んでください。");
        if (HasNonJisBytes(bytes, end, out var at))
            throw new BankFileFormatException(
                $"{at + 1}バイト目（{at / RecordLength + 1}件目付近）に全銀協の形式（半角のJIS文字）では使われない文字があります。" +
                "銀行からダウンロードしたままのファイルを選んでください。") { RecordNumber = at / RecordLength + 1 };

        var records = new List<byte[]>();
        var pos = 0;
        while (pos < end)
        {
            var number = records.Count + 1;
            var length = 0;
            while (pos + length < end && length < RecordLength && bytes[pos + length] is not ((byte)'\r' or (byte)'\n')) length++;
            if (length < RecordLength)
                throw new BankFileFormatException(
                    $"{number}件目のレコードが{length}バイトしかありません（全銀協の形式は1件200バイトです）。" +
                    "全銀協の形式のファイルではないか、途中で切れているか、変換されています。") { RecordNumber = number };
            records.Add(bytes.AsSpan(pos, RecordLength).ToArray());
            pos += RecordLength;
            if (pos < end && bytes[pos] == '\r') pos++;
            if (pos < end && bytes[pos] == '\n') pos++;
        }
        return records;
    }

    // Single-byte JIS (JIS X 0201, 8-bit) uses 0x20–0x7E and the half-width kana 0xA1–0xDF only.
    private static bool HasNonJisBytes(byte[] bytes, int end, out int position)
    {
        for (var i = 0; i < end; i++)
        {
            var b = bytes[i];
            if (b is (byte)'\r' or (byte)'\n') continue;
            if (b < 0x20 || b == 0x7F || b is >= 0x80 and <= 0xA0 || b >= 0xE0)
            {
                position = i;
                return true;
            }
        }
        position = -1;
        return false;
    }

    private sealed class Parser(List<byte[]> records, DateOnly? today)
    {
        private readonly List<ZenginAccount> _accounts = [];
        private readonly Dictionary<string, int> _idCounts = new(StringComparer.Ordinal);
        private int _index;

        public ZenginFile Parse()
        {
            var sawEnd = false;
            while (_index < records.Count)
            {
                var type = (char)records[_index][0];
                switch (type)
                {
                    case '1':
                        _accounts.Add(ReadGroup());
                        break;
                    case '9':
                        ReadEnd();
                        sawEnd = true;
                        break;
                    case '2':
                        throw Error("データ・レコードの前にヘッダー・レコード（データ区分 1）がありません。");
                    case '8':
                        throw Error("トレーラー・レコードの前にヘッダー・レコード（データ区分 1）がありません。");
                    default:
                        throw Error($"データ区分「{Printable(type)}」は全銀協の形式にありません（1・2・8・9のいずれかです）。");
                }
                if (sawEnd) break;
            }
            if (!sawEnd)
                throw new BankFileFormatException(
                    "エンド・レコード（データ区分 9）がありません。ファイルが途中で切れている可能性があります。") { RecordNumber = records.Count };
            if (_index < records.Count)
                throw Error("エンド・レコードの後にまだレコードがあります。");
            if (_accounts.Count == 0)
                throw new BankFileFormatException("ヘッダー・レコードがありません。") { RecordNumber = 1 };
            return new ZenginFile(_accounts);
        }

        private ZenginAccount ReadGroup()
        {
            var header = records[_index];
            var kindCode = Text(header, 2, 2);
            var kind = kindCode switch
            {
                "01" => ZenginKind.TransferNotice,
                "03" => ZenginKind.Statement,
                _ => throw Error($"種別コード「{kindCode}」のファイルには対応していません。振込入金通知（01）と入出金取引明細（03）を読み込めます。"),
            };
            var codeType = Text(header, 4, 1);
            if (codeType == "1")
                throw Error("このファイルはEBCDIC（コード区分 1）で作られています。JIS（コード区分 0）のファイルを銀行から取り寄せてください。");
            if (codeType is not ("0" or " " or ""))
                throw Error($"コード区分「{codeType}」が正しくありません（0 = JIS）。");

            var createdRaw = Digits(header, 5, 6, "作成日", allowBlank: true);
            var createdOn = ResolveDate(createdRaw, today, "作成日");
            var reference = createdOn ?? today;
            var periodFrom = ResolveDate(Digits(header, 11, 6, "勘定日（自）", allowBlank: true), reference, "勘定日（自）");
            var periodTo = ResolveDate(Digits(header, 17, 6, "勘定日（至）", allowBlank: true), reference, "勘定日（至）");
            var bankCode = Digits(header, 23, 4, "銀行コード");
            var bankName = Text(header, 27, 15);
            var branchCode = Digits(header, 42, 3, "支店コード");
            var branchName = Text(header, 45, 15);
            string accountType, accountNumber, accountName;
            long? openingBalance = null;
            if (kind == ZenginKind.TransferNotice)
            {
                accountType = Text(header, 60, 1);
                accountNumber = Digits(header, 61, 7, "口座番号");
                accountName = Text(header, 68, 40);
            }
            else
            {
                accountType = Text(header, 63, 1);
                accountNumber = Digits(header, 64, 10, "口座番号");
                accountName = Text(header, 74, 40);
                var sign = Text(header, 114, 1) == "2" ? -1 : 1;  // 貸越区分 2: the balance is an overdraft
                openingBalance = sign * Number(header, 116, 14, "取引前残高");
            }
            var accountKey = $"{bankCode}-{branchCode}-{accountType}-{accountNumber.TrimStart('0')}";
            var groupHeaderNumber = _index + 1;
            _index++;

            var transactions = new List<ZenginTransaction>();
            while (_index < records.Count && records[_index][0] == '2')
            {
                transactions.Add(kind == ZenginKind.TransferNotice
                    ? ReadTransferNotice(records[_index], accountKey, reference)
                    : ReadStatementLine(records[_index], accountKey, reference));
                _index++;
            }
            if (_index >= records.Count)
                throw new BankFileFormatException(
                    $"{groupHeaderNumber}件目から始まる口座のトレーラー・レコード（データ区分 8）がありません。ファイルが途中で切れている可能性があります。")
                    { RecordNumber = records.Count };
            if (records[_index][0] != '8')
                throw Error("ここにはトレーラー・レコード（データ区分 8）が来るはずです。");

            long? closingBalance = kind == ZenginKind.TransferNotice
                ? CheckTransferNoticeTrailer(records[_index], transactions)
                : CheckStatementTrailer(records[_index], transactions, openingBalance!.Value);
            _index++;

            transactions = MarkCancelled(transactions);
            return new ZenginAccount(kind, createdOn, periodFrom, periodTo, bankCode, bankName, branchCode, branchName,
                accountType, accountNumber, accountName, openingBalance, closingBalance, transactions);
        }

        private ZenginTransaction ReadTransferNotice(byte[] r, string accountKey, DateOnly? reference)
        {
            var referenceNumber = Text(r, 2, 6);
            var bookedOn = ResolveDate(Digits(r, 8, 6, "勘定日"), reference, "勘定日")
                ?? throw Error("勘定日がありません。");
            var valueDate = ResolveDate(Digits(r, 14, 6, "起算日", allowBlank: true), reference, "起算日");
            var amount = Number(r, 20, 10, "金額");
            var otherBank = Number(r, 30, 10, "うち他店券金額", allowBlank: true);
            var cancelFlag = Text(r, 128, 1);
            if (cancelFlag is not ("" or "0" or "1"))
                throw Error($"取消区分「{cancelFlag}」が正しくありません（0 または 1）。");
            var isCancellation = cancelFlag == "1";
            var naturalKey = $"{accountKey}-{referenceNumber}-{bookedOn:yyyyMMdd}-{amount}";
            return new ZenginTransaction(
                Id: UniqueId(isCancellation ? naturalKey + "-C" : naturalKey),
                RecordNumber: _index + 1,
                IsCredit: true,
                TransactionType: "11",
                BookedOn: bookedOn,
                ValueDate: valueDate,
                Amount: amount,
                OtherBankChequeAmount: otherBank,
                ReferenceNumber: referenceNumber,
                PayerCode: Text(r, 40, 10),
                PayerName: Text(r, 50, 48),
                RemittingBank: Text(r, 98, 15),
                RemittingBranch: Text(r, 113, 15),
                Description: "",
                EdiInfo: Text(r, 129, 20))
            {
                IsCancellation = isCancellation,
                CancelsId = isCancellation ? naturalKey : null,
            };
        }

        private ZenginTransaction ReadStatementLine(byte[] r, string accountKey, DateOnly? reference)
        {
            var referenceNumber = Text(r, 2, 8);
            var bookedOn = ResolveDate(Digits(r, 10, 6, "勘定日"), reference, "勘定日")
                ?? throw Error("勘定日がありません。");
            var valueDate = ResolveDate(Digits(r, 16, 6, "預入・払出日", allowBlank: true), reference, "預入・払出日");
            var direction = Text(r, 22, 1);
            if (direction is not ("1" or "2"))
                throw Error($"入払区分「{direction}」が正しくありません（1 = 入金、2 = 出金）。");
            var type = Digits(r, 23, 2, "取引区分");
            var amount = Number(r, 25, 12, "取引金額");
            var otherBank = Number(r, 37, 12, "うち他店券金額", allowBlank: true);
            var naturalKey = $"{accountKey}-{referenceNumber}-{bookedOn:yyyyMMdd}-{direction}-{amount}";
            return new ZenginTransaction(
                Id: UniqueId(naturalKey),
                RecordNumber: _index + 1,
                IsCredit: direction == "1",
                TransactionType: type,
                BookedOn: bookedOn,
                ValueDate: valueDate,
                Amount: amount,
                OtherBankChequeAmount: otherBank,
                ReferenceNumber: referenceNumber,
                PayerCode: Text(r, 72, 10),
                PayerName: Text(r, 82, 48),
                RemittingBank: Text(r, 130, 15),
                RemittingBranch: Text(r, 145, 15),
                Description: Text(r, 160, 20),
                EdiInfo: Text(r, 180, 20));
        }

        private long? CheckTransferNoticeTrailer(byte[] t, List<ZenginTransaction> lines)
        {
            var count = Number(t, 2, 6, "件数");
            var total = Number(t, 8, 12, "合計金額");
            var cancelCount = Number(t, 20, 6, "取消件数", allowBlank: true);
            var cancelTotal = Number(t, 26, 12, "取消金額", allowBlank: true);
            var cancels = lines.Where(l => l.IsCancellation).ToList();
            var notices = lines.Where(l => !l.IsCancellation).ToList();
            // Banks differ on whether 件数/合計金額 include the cancellation records: accept either reading.
            if (count != lines.Count && count != notices.Count)
                throw Error($"トレーラー・レコードの件数（{count:#,0}件）がデータ・レコードの件数（{lines.Count:#,0}件）と合いません。ファイルが途中で切れているか、壊れています。");
            var sumAll = lines.Sum(l => l.Amount);
            var sumNotices = notices.Sum(l => l.Amount);
            if (total != sumAll && total != sumNotices)
                throw Error($"トレーラー・レコードの合計金額（{total:#,0}円）がデータ・レコードの金額の合計（{sumAll:#,0}円）と合いません。ファイルが壊れているか、書き換えられています。");
            if (cancelCount != cancels.Count)
                throw Error($"トレーラー・レコードの取消件数（{cancelCount:#,0}件）が取消のデータ・レコードの件数（{cancels.Count:#,0}件）と合いません。");
            if (cancelTotal != cancels.Sum(l => l.Amount))
                throw Error($"トレーラー・レコードの取消金額（{cancelTotal:#,0}円）が取消のデータ・レコードの合計（{cancels.Sum(l => l.Amount):#,0}円）と合いません。");
            return null;
        }

        private long CheckStatementTrailer(byte[] t, List<ZenginTransaction> lines, long openingBalance)
        {
            var creditCount = Number(t, 2, 6, "入金件数");
            var creditTotal = Number(t, 8, 13, "入金額合計");
            var debitCount = Number(t, 21, 6, "出金件数");
            var debitTotal = Number(t, 27, 13, "出金額合計");
            var sign = Text(t, 40, 1) == "2" ? -1 : 1;
            var closing = sign * Number(t, 41, 14, "取引後残高");
            var recordCount = Number(t, 55, 7, "データ・レコード件数", allowBlank: true);
            var credits = lines.Where(l => l.IsCredit).ToList();
            var debits = lines.Where(l => !l.IsCredit).ToList();
            if (creditCount != credits.Count)
                throw Error($"トレーラー・レコードの入金件数（{creditCount:#,0}件）が入金のデータ・レコードの件数（{credits.Count:#,0}件）と合いません。");
            if (creditTotal != credits.Sum(l => l.Amount))
                throw Error($"トレーラー・レコードの入金額合計（{creditTotal:#,0}円）が入金の合計（{credits.Sum(l => l.Amount):#,0}円）と合いません。");
            if (debitCount != debits.Count)
                throw Error($"トレーラー・レコードの出金件数（{debitCount:#,0}件）が出金のデータ・レコードの件数（{debits.Count:#,0}件）と合いません。");
            if (debitTotal != debits.Sum(l => l.Amount))
                throw Error($"トレーラー・レコードの出金額合計（{debitTotal:#,0}円）が出金の合計（{debits.Sum(l => l.Amount):#,0}円）と合いません。");
            if (Text(t, 55, 7) != "" && recordCount != lines.Count)
                throw Error($"トレーラー・レコードのデータ・レコード件数（{recordCount:#,0}件）が実際の件数（{lines.Count:#,0}件）と合いません。");
            var expected = openingBalance + credits.Sum(l => l.Amount) - debits.Sum(l => l.Amount);
            if (closing != expected)
                throw Error($"取引後残高（{closing:#,0}円）が取引前残高と入出金から計算した残高（{expected:#,0}円）と合いません。");
            return closing;
        }

        private void ReadEnd()
        {
            var e = records[_index];
            // Only the 入出金取引明細 end record carries counts; in a 振込入金通知 it is all dummy.
            if (_accounts.Count > 0 && _accounts.All(a => a.Kind == ZenginKind.Statement) && Text(e, 2, 10) != "")
            {
                var total = Number(e, 2, 10, "レコード総件数");
                var expected = _index + 1;
                if (total != expected)
                    throw Error($"エンド・レコードのレコード総件数（{total:#,0}件）が実際の件数（{expected:#,0}件）と合いません。");
                if (Text(e, 12, 5) != "")
                {
                    var accounts = Number(e, 12, 5, "口座数");
                    if (accounts != _accounts.Count)
                        throw Error($"エンド・レコードの口座数（{accounts:#,0}）が実際の口座数（{_accounts.Count:#,0}）と合いません。");
                }
            }
            _index++;
        }

        /// <summary>A notice withdrawn by a cancellation in the same file is not money received.</summary>
        private static List<ZenginTransaction> MarkCancelled(List<ZenginTransaction> lines)
        {
            var cancelled = lines.Where(l => l.IsCancellation).Select(l => l.CancelsId!).ToList();
            if (cancelled.Count == 0) return lines;
            var result = new List<ZenginTransaction>(lines.Count);
            foreach (var line in lines)
            {
                var naturalKey = StripOccurrence(line.Id);
                if (!line.IsCancellation && cancelled.Remove(naturalKey))
                    result.Add(line with { IsCancelled = true });
                else
                    result.Add(line);
            }
            return result;
        }

        private static string StripOccurrence(string id)
        {
            var hash = id.IndexOf('#');
            return hash < 0 ? id : id[..hash];
        }

        /// <summary>The natural key, with "#2", "#3"… for identical lines within one file (two equal transfers the same day).</summary>
        private string UniqueId(string naturalKey)
        {
            var n = _idCounts.TryGetValue(naturalKey, out var c) ? c + 1 : 1;
            _idCounts[naturalKey] = n;
            return n == 1 ? naturalKey : $"{naturalKey}#{n}";
        }

        private DateOnly? ResolveDate(string yymmdd, DateOnly? notAfter, string field)
        {
            try
            {
                return JapaneseEraDate.Resolve(yymmdd, notAfter);
            }
            catch (FormatException)
            {
                throw Error($"{field}「{yymmdd}」が日付として正しくありません。");
            }
        }

        private string Digits(byte[] r, int start, int length, string field, bool allowBlank = false)
        {
            var s = Text(r, start, length, trim: false);
            if (allowBlank && s.Trim().Length == 0) return "";
            if (!s.All(char.IsAsciiDigit))
                throw Error($"{field}「{s.Trim()}」が数字ではありません。");
            return s;
        }

        private long Number(byte[] r, int start, int length, string field, bool allowBlank = false)
        {
            var s = Digits(r, start, length, field, allowBlank);
            return s.Length == 0 ? 0 : long.Parse(s, CultureInfo.InvariantCulture);
        }

        /// <summary>Field at 1-based byte <paramref name="start"/>, decoded on its own (fields are read as bytes first).</summary>
        private static string Text(byte[] r, int start, int length, bool trim = true)
        {
            var s = BankEncodings.ShiftJis.GetString(r, start - 1, length);
            return trim ? s.Trim(' ') : s;
        }

        private static string Printable(char c) => c is >= ' ' and < '\x7F' ? c.ToString() : $"0x{(int)c:X2}";

        private BankFileFormatException Error(string message) =>
            new($"{_index + 1}件目のレコード：{message}") { RecordNumber = _index + 1 };
    }
}
