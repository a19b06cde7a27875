using System.Text;
using MemberHub.Auditing;
using MemberHub.Banking;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Payments;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BankStatementLine = MemberHub.Banking.BankStatementLine;

namespace MemberHub.Web.Pages.Payments;

/// <summary>What the import page posts between its steps: which upload and how to read it.</summary>
public sealed class BankImportInput
{
    // Model binding turns an empty field into null; the steps compare strings, so keep them non-null.
    public string UploadId { get; set => field = value ?? ""; } = "";
    /// <summary>CSV only: <see cref="EncodingChoice"/>.</summary>
    public string Encoding { get; set => field = string.IsNullOrEmpty(value) ? EncodingChoice.Auto : value; } = EncodingChoice.Auto;
    /// <summary>CSV only: "" (recognise a preset by the header), "preset:mufg", "saved:12" or "new".</summary>
    public string Mapping { get; set => field = value ?? ""; } = "";
}

/// <summary>A new column mapping as set on screen from the file's header row.</summary>
public sealed class NewMappingInput
{
    public string Name { get; set => field = value ?? ""; } = "";
    public string AccountName { get; set => field = value ?? ""; } = "";
    public int HeaderRow { get; set; } = 1;
    public string? DateColumn { get; set; }
    public string? AmountColumn { get; set; }
    public string? CreditColumn { get; set; }
    public string? DebitColumn { get; set; }
    public string? PayerColumn { get; set; }
    public string? DescriptionColumn { get; set; }
    public string? BalanceColumn { get; set; }
}

public enum BankImportStep { Upload, Mapping, Preview }

public sealed record MappingOption(string Value, string Label);

/// <summary>Per account: what the file holds and how much of it is new.</summary>
public sealed record AccountSummary(string AccountLabel, int Lines, int Credits, long CreditTotal, int Debits, long DebitTotal, int NewLines, int KnownLines);

public sealed record PreviewLine(BankFileLine Line, bool Known);

public sealed record BankImportPreview(
    BankFileContent Content,
    IReadOnlyList<AccountSummary> Accounts,
    IReadOnlyList<PreviewLine> Lines)
{
    public int NewLines => Lines.Count(l => !l.Known);
    public int KnownLines => Lines.Count(l => l.Known);
    public int Credits => Content.Candidates.Count();
    public long CreditTotal => Content.Candidates.Sum(l => l.Credit);
}

public sealed class BankImportState
{
    public BankImportStep Step { get; init; }
    public string? Error { get; init; }
    public string? Notice { get; init; }
    public string FileName { get; init; } = "";
    public BankImportInput Input { get; init; } = new();
    public NewMappingInput NewMapping { get; init; } = new();
    public IReadOnlyList<string> Headers { get; init; } = [];
    public IReadOnlyList<string> MappingErrors { get; init; } = [];
    public IReadOnlyList<MappingOption> Mappings { get; init; } = [];
    public BankImportPreview? Preview { get; init; }
}

public sealed record BankImportResult(long? ImportId, BankImportState? Failed)
{
    /// <summary>What the automatic posting right after the import did (null when nothing was stored).</summary>
    public Imports.AutoPostHandler.AutoPostResult? AutoPosted { get; init; }
}

/// <summary>
/// 銀行データ取込: upload → (CSV: mapping) → preview → confirm. The file waits on the server under a random id
/// between the steps; nothing is stored until the confirmation, and then the import and only its new lines in one
/// transaction.
/// </summary>
public sealed class ImportBankFileHandler(
    MemberHubDbContext db,
    IOptions<DatabaseOptions> options,
    IAuditActor actor,
    TimeProvider clock,
    Imports.AutoPostHandler autoPost,
    ILogger<ImportBankFileHandler> log)
{
    public const long MaxBytes = ImportFileStore.MaxBytes;
    private readonly ImportFileStore _files = new(options, clock);

    public async Task<BankImportState> StartAsync(BankImportInput? input = null) =>
        new() { Step = BankImportStep.Upload, Input = input ?? new BankImportInput(), Mappings = await MappingOptionsAsync() };

    public async Task<BankImportState> UploadAsync(Stream? content, string? fileName, long length, BankImportInput input)
    {
        if (content is null || length == 0) return await RefuseAsync(input, "銀行のファイルを選んでください。");
        if (length > MaxBytes) return await RefuseAsync(input, "ファイルが大きすぎます。5MBまでのファイルにしてください（期間を分けてダウンロードしてください）。");
        await using var buffered = new MemoryStream();
        await content.CopyToAsync(buffered);
        if (buffered.Length > MaxBytes) return await RefuseAsync(input, "ファイルが大きすぎます。5MBまでのファイルにしてください（期間を分けてダウンロードしてください）。");
        buffered.Position = 0;
        input.UploadId = await _files.SaveAsync(buffered, Path.GetFileName(fileName ?? "bank.txt"));
        return await PreviewAsync(input);
    }

    /// <summary>The preview, or the mapping step for a CSV that needs a new mapping.</summary>
    public async Task<BankImportState> PreviewAsync(BankImportInput input, NewMappingInput? mapping = null)
    {
        var file = await _files.ReadAsync(input.UploadId);
        if (file is null) return await ExpiredAsync();
        var (bytes, fileName) = file.Value;
        if (!BankFileReader.LooksLikeZengin(bytes) && input.Mapping == "new")
            return await MappingStepAsync(input, fileName, bytes, mapping ?? new NewMappingInput(), []);
        try
        {
            var reading = await CsvReadingAsync(input);
            if (reading is null) return await RefuseAsync(input, "選んだ列の設定が見つかりません。設定を選び直してください。");
            var content = BankFileReader.Read(bytes, JapanTime.Today(clock), reading);
            var preview = await CheckAsync(content);
            return new BankImportState
            {
                Step = BankImportStep.Preview, FileName = fileName, Input = input, Preview = preview, Mappings = await MappingOptionsAsync(),
            };
        }
        catch (BankFileFormatException e)
        {
            _files.Delete(input.UploadId);
            return await RefuseAsync(input, e.Message, fileName);
        }
    }

    public async Task<BankImportState> SaveMappingAsync(BankImportInput input, NewMappingInput mapping)
    {
        var file = await _files.ReadAsync(input.UploadId);
        if (file is null) return await ExpiredAsync();
        var errors = new List<string>();
        mapping.Name = mapping.Name.Trim();
        mapping.AccountName = mapping.AccountName.Trim();
        if (mapping.Name.Length == 0) errors.Add("設定の名前を入力してください（例：三菱UFJ 普通 1234567）。");
        else if (mapping.Name.Length > 60) errors.Add("設定の名前は60文字以内にしてください。");
        else if (await db.BankCsvMappings.AnyAsync(m => m.Name == mapping.Name) || BankCsvLayouts.All.Any(l => l.Name == mapping.Name || l.DisplayName == mapping.Name))
            errors.Add($"「{mapping.Name}」という設定はもうあります。別の名前にしてください。");
        if (mapping.AccountName.Length > 100) errors.Add("口座の名前は100文字以内にしてください。");
        if (string.IsNullOrEmpty(mapping.DateColumn)) errors.Add("「日付」の列を選んでください。");
        if (string.IsNullOrEmpty(mapping.PayerColumn)) errors.Add("「振込依頼人・摘要」の列を選んでください。");
        var signed = !string.IsNullOrEmpty(mapping.AmountColumn);
        var split = !string.IsNullOrEmpty(mapping.CreditColumn) || !string.IsNullOrEmpty(mapping.DebitColumn);
        if (signed && split) errors.Add("金額は「入出金（1列）」か「入金額・出金額（2列）」のどちらか一方で選んでください。");
        else if (!signed && (string.IsNullOrEmpty(mapping.CreditColumn) || string.IsNullOrEmpty(mapping.DebitColumn)))
            errors.Add("金額の列を選んでください：入金と出金が1列なら「入出金」、別々なら「入金額」と「出金額」の両方です。");
        if (errors.Count > 0) return await MappingStepAsync(input, file.Value.FileName, file.Value.Bytes, mapping, errors);

        var saved = new BankCsvMapping
        {
            Name = mapping.Name,
            AccountName = mapping.AccountName.Length > 0 ? mapping.AccountName : mapping.Name,
            Encoding = input.Encoding,
            HeaderRow = Math.Max(1, mapping.HeaderRow),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByName = actor.UserName,
        };
        saved.SetColumns(mapping.DateColumn!, mapping.AmountColumn, mapping.CreditColumn, mapping.DebitColumn, mapping.PayerColumn!,
            mapping.DescriptionColumn, mapping.BalanceColumn);
        db.BankCsvMappings.Add(saved);
        await db.SaveChangesAsync();
        input.Mapping = "saved:" + saved.Id;
        return await PreviewAsync(input);
    }

    /// <summary>Reads the file again and stores the import with its new lines in one transaction, or nothing.</summary>
    public async Task<BankImportResult> ConfirmAsync(BankImportInput input)
    {
        var state = await PreviewAsync(input);
        if (state.Preview is not { } preview) return new BankImportResult(null, state);
        var fresh = preview.Lines.Where(l => !l.Known).Select(l => l.Line).ToList();
        if (fresh.Count == 0)
        {
            _files.Delete(input.UploadId);
            return new BankImportResult(null, new BankImportState
            {
                Step = BankImportStep.Upload, Input = new BankImportInput(), Mappings = state.Mappings, FileName = state.FileName,
                Notice = "このファイルの明細はすべて取込済みです。新しく保存したものはありません。",
            });
        }

        var import = new BankImport
        {
            FileName = state.FileName,
            Format = preview.Content.Format,
            CsvLayoutName = preview.Content.CsvLayoutName,
            Encoding = preview.Content.EncodingName,
            ImportedAt = clock.GetUtcNow().UtcDateTime,
            ImportedByUserId = actor.UserId,
            ImportedByName = actor.UserName,
            LinesRead = preview.Lines.Count,
            NewLines = fresh.Count,
            KnownLines = preview.KnownLines,
            Credits = preview.Credits,
            CreditTotal = new Yen(preview.CreditTotal),
            Sha256 = preview.Content.Sha256,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            db.BankImports.Add(import);
            await db.SaveChangesAsync();
            // The lines are not audited (the import is, with its counts), so they go in without the change tracker.
            await EntityBulkInsert.InsertAsync(db, fresh.Select(l => ToEntity(l, import.Id)).ToList());
            await tx.CommitAsync();
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            log.LogWarning(e, "Bank import of {File} rolled back", state.FileName);
            var again = await PreviewAsync(input);
            return new BankImportResult(null, new BankImportState
            {
                Step = again.Step, FileName = again.FileName, Input = again.Input, Preview = again.Preview, Mappings = again.Mappings,
                Error = "同じ明細が同時に取り込まれたため、この取込を中止しました。何も保存していません。" +
                        "下の内容（新しい明細の数）を確かめてから、もう一度取り込んでください。",
            });
        }
        _files.Delete(input.UploadId);
        // The lines are stored whatever happens next; what the matcher calls safe is posted in one batch.
        db.ChangeTracker.Clear();
        var posted = await autoPost.RunAsync(import.Id);
        return new BankImportResult(import.Id, null) { AutoPosted = posted };
    }

    public static BankStatementLine ToEntity(BankFileLine l, long importId) => new()
    {
        AccountKey = l.AccountKey,
        AccountLabel = Cut(l.AccountLabel, 200),
        BankCode = l.BankCode,
        BranchCode = l.BranchCode,
        AccountNumber = l.AccountNumber,
        LineKey = l.LineKey,
        LineNumber = l.LineNumber,
        BookedOn = l.BookedOn,
        Credit = new Yen(l.Credit),
        Debit = new Yen(l.Debit),
        PayerName = Cut(l.PayerName, 200),
        Description = Cut(l.Description, 400),
        Balance = l.Balance is { } b ? new Yen(b) : null,
        TransactionType = Cut(l.TransactionType, 20),
        IsMatchCandidate = l.IsMatchCandidate,
        BankImportId = importId,
        Status = l.IsMatchCandidate ? BankLineStatus.Unprocessed : BankLineStatus.NotApplicable,
        CancelsLineKey = l.CancelsLineKey,
    };

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Which lines of the file the database already holds (an earlier, overlapping download).</summary>
    public async Task<BankImportPreview> CheckAsync(BankFileContent content)
    {
        // A line's key includes its booking date, so the lines the database could already hold are those of the
        // file's accounts within the file's dates: one range query on the (account, date) index, no key list to send.
        var known = new HashSet<(string, string)>();
        if (content.Lines.Count > 0)
        {
            var accounts = content.Lines.Select(l => l.AccountKey).Distinct().ToList();
            var from = content.Lines.Min(l => l.BookedOn);
            var to = content.Lines.Max(l => l.BookedOn);
            var found = await db.BankStatementLines.AsNoTracking()
                .Where(l => accounts.Contains(l.AccountKey) && l.BookedOn >= from && l.BookedOn <= to)
                .Select(l => new { l.AccountKey, l.LineKey })
                .ToListAsync();
            foreach (var f in found) known.Add((f.AccountKey, f.LineKey));
        }
        var lines = content.Lines.Select(l => new PreviewLine(l, known.Contains((l.AccountKey, l.LineKey)))).ToList();
        var summaries = lines.GroupBy(l => l.Line.AccountLabel).Select(g => new AccountSummary(
            g.Key,
            g.Count(),
            g.Count(l => l.Line.IsMatchCandidate), g.Where(l => l.Line.IsMatchCandidate).Sum(l => l.Line.Credit),
            g.Count(l => l.Line.Debit > 0), g.Sum(l => l.Line.Debit),
            g.Count(l => !l.Known), g.Count(l => l.Known))).ToList();
        return new BankImportPreview(content, summaries, lines);
    }

    private async Task<CsvReading?> CsvReadingAsync(BankImportInput input)
    {
        Encoding? encoding = input.Encoding switch
        {
            EncodingChoice.Utf8 => new UTF8Encoding(false),
            EncodingChoice.ShiftJis => BankEncodings.ShiftJis,
            _ => null,
        };
        if (input.Mapping.StartsWith("preset:", StringComparison.Ordinal))
        {
            var preset = BankCsvLayouts.All.FirstOrDefault(l => l.Name == input.Mapping["preset:".Length..]);
            return preset is null ? null : new CsvReading(preset, encoding);
        }
        if (input.Mapping.StartsWith("saved:", StringComparison.Ordinal) && long.TryParse(input.Mapping["saved:".Length..], out var id))
        {
            var saved = await db.BankCsvMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
            if (saved is null) return null;
            if (encoding is null && saved.Encoding == EncodingChoice.Utf8) encoding = new UTF8Encoding(false);
            if (encoding is null && saved.Encoding == EncodingChoice.ShiftJis) encoding = BankEncodings.ShiftJis;
            return new CsvReading(saved.ToLayout(), encoding, saved.AccountName);
        }
        // Recognise one of the ready layouts by the header row.
        return new CsvReading(null, encoding);
    }

    private async Task<BankImportState> MappingStepAsync(BankImportInput input, string fileName, byte[] bytes, NewMappingInput mapping, IReadOnlyList<string> errors)
    {
        var table = MemberCsvReader.Read(bytes, input.Encoding);
        IReadOnlyList<string> headers = [];
        if (table is not null)
        {
            var row = Math.Max(1, mapping.HeaderRow);
            headers = row == 1 ? table.Headers : table.Rows.FirstOrDefault(r => r.Line == row)?.Cells.Select(c => c.Trim()).ToList() ?? [];
        }
        var all = errors.ToList();
        if (headers.Count == 0) all.Add($"{mapping.HeaderRow}行目に見出しがありません。見出しの行番号を確かめてください。");
        return new BankImportState
        {
            Step = BankImportStep.Mapping, FileName = fileName, Input = input, NewMapping = mapping,
            Headers = headers.Where(h => h.Length > 0).Distinct().ToList(), MappingErrors = all, Mappings = await MappingOptionsAsync(),
        };
    }

    private async Task<IReadOnlyList<MappingOption>> MappingOptionsAsync()
    {
        var saved = await db.BankCsvMappings.AsNoTracking().Where(m => !m.IsArchived).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync();
        return saved.Select(m => new MappingOption("saved:" + m.Id, "保存した設定：" + m.Name))
            .Concat(BankCsvLayouts.All.Select(l => new MappingOption("preset:" + l.Name, "用意された形式：" + l.DisplayName)))
            .ToList();
    }

    private async Task<BankImportState> RefuseAsync(BankImportInput input, string message, string fileName = "") => new()
    {
        Step = BankImportStep.Upload, Error = message, FileName = fileName,
        Input = new BankImportInput { Encoding = input.Encoding, Mapping = input.Mapping },
        Mappings = await MappingOptionsAsync(),
    };

    private async Task<BankImportState> ExpiredAsync() => new()
    {
        Step = BankImportStep.Upload,
        Error = "アップロードしたファイルが見つかりません（取込済みか、時間が経ちすぎました）。もう一度ファイルを選んでください。",
        Mappings = await MappingOptionsAsync(),
    };
}
