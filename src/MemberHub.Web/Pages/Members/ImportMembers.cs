using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Text;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Pages.Members;

/// <summary>What the mapping screen posts: which upload, how to read it, and which field each column feeds.</summary>
public sealed class ImportMapping
{
    public string UploadId { get; set; } = "";
    public string Encoding { get; set; } = EncodingChoice.Auto;
    public List<MemberImportField> Map { get; set; } = [];
    /// <summary>The class for rows whose 会員種別 cell is empty (or when no column holds it).</summary>
    public long? DefaultClassId { get; set; }
}

/// <summary>One row ready to become a member.</summary>
public sealed class ImportCandidate
{
    public int Line { get; init; }
    public required Member Member { get; init; }
    public int? KeptNumber { get; init; }
    public string ClassName { get; init; } = "";
    public IReadOnlyList<string> TagNames { get; init; } = [];
}

public sealed record ImportProblem(int Line, string Name, IReadOnlyList<string> Reasons);

public sealed record ClassOption(long Id, string Name);

public sealed record ImportPreview(
    string FileName,
    SheetTable Table,
    IReadOnlyList<ImportCandidate> Candidates,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<string> MappingErrors)
{
    public bool CanImport => Problems.Count == 0 && MappingErrors.Count == 0 && Candidates.Count > 0;
}

public enum ImportStep { Upload, Mapping, Preview }

/// <summary>The state of the import wizard a page shows: an error for the upload step, or the table and its check.</summary>
public sealed class ImportState
{
    public ImportStep Step { get; init; }
    public string? Error { get; init; }
    public string FileName { get; init; } = "";
    public SheetTable? Table { get; init; }
    public ImportPreview? Preview { get; init; }
    public ImportMapping Mapping { get; init; } = new();
    public IReadOnlyList<ClassOption> Classes { get; init; } = [];
}

public sealed record ImportResult(int Imported, ImportState? Failed);

/// <summary>
/// CSV import of members (from the old spreadsheet): upload → encoding detected and columns mapped → every
/// row checked with the member form's rules → all rows saved in one transaction, or none.
/// </summary>
public sealed partial class ImportMembersHandler(
    MemberHubDbContext db,
    IOptions<DatabaseOptions> options,
    IAuditActor actor,
    TimeProvider clock,
    ILogger<ImportMembersHandler> log)
{
    private readonly ImportFileStore _files = new(options, clock);

    public async Task<ImportState> UploadAsync(Stream? content, string? fileName, long length, string? encoding)
    {
        ImportState Refuse(string message) => new() { Step = ImportStep.Upload, Error = message, Mapping = new ImportMapping { Encoding = encoding ?? EncodingChoice.Auto } };
        if (content is null || length == 0) return Refuse("CSVファイルを選んでください。");
        if (length > ImportFileStore.MaxBytes) return Refuse("ファイルが大きすぎます。5MBまでのCSVファイルにしてください。");
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext is not (".csv" or ".txt")) return Refuse("CSVファイル（拡張子 .csv）を選んでください。Excelのブックは「名前を付けて保存」で「CSV」を選ぶと保存できます。");
        await using var buffered = new MemoryStream();
        await content.CopyToAsync(buffered);
        var head = buffered.GetBuffer().AsSpan(0, (int)Math.Min(2, buffered.Length));
        if (head.SequenceEqual(new byte[] { 0xFF, 0xFE }) || head.SequenceEqual(new byte[] { 0xFE, 0xFF }))
            return Refuse("このファイルはExcelの「Unicode テキスト」（UTF-16）形式です。Excelで「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」を選んで保存し直してください。");
        buffered.Position = 0;
        var id = await _files.SaveAsync(buffered, fileName ?? "members.csv");
        var mapping = new ImportMapping { UploadId = id, Encoding = encoding ?? EncodingChoice.Auto };
        return await MappingAsync(mapping, guess: true);
    }

    /// <summary>The mapping screen: the columns as read with the chosen encoding, with guessed fields when asked.</summary>
    public async Task<ImportState> MappingAsync(ImportMapping mapping, bool guess)
    {
        var file = await _files.ReadAsync(mapping.UploadId);
        if (file is null) return Expired();
        var table = MemberCsvReader.Read(file.Value.Bytes, mapping.Encoding);
        if (table is null)
            return new ImportState { Step = ImportStep.Upload, Error = "ファイルに見出し行がありません。1行目に列の名前（氏名、フリガナ…）が入ったCSVを選んでください。" };
        if (guess || mapping.Map.Count != table.Headers.Count)
            mapping.Map = MemberImportFields.GuessAll(table.Headers).ToList();
        return new ImportState
        {
            Step = ImportStep.Mapping, FileName = file.Value.FileName, Table = table, Mapping = mapping,
            Classes = await ClassesAsync(),
        };
    }

    public async Task<ImportState> PreviewAsync(ImportMapping mapping)
    {
        var file = await _files.ReadAsync(mapping.UploadId);
        if (file is null) return Expired();
        var table = MemberCsvReader.Read(file.Value.Bytes, mapping.Encoding);
        if (table is null) return Expired();
        if (mapping.Map.Count != table.Headers.Count) return await MappingAsync(mapping, guess: true);
        var preview = await CheckAsync(file.Value.FileName, table, mapping);
        return new ImportState
        {
            Step = preview.MappingErrors.Count > 0 ? ImportStep.Mapping : ImportStep.Preview,
            FileName = file.Value.FileName, Table = table, Preview = preview, Mapping = mapping, Classes = await ClassesAsync(),
        };
    }

    /// <summary>Checks again (the file and the register may have changed since the preview), then saves all rows or none.</summary>
    public async Task<ImportResult> ImportAsync(ImportMapping mapping)
    {
        var state = await PreviewAsync(mapping);
        if (state.Preview is not { CanImport: true } preview) return new ImportResult(0, state);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            await AttachTagsAsync(preview.Candidates);
            await NumberAsync(preview.Candidates);
            foreach (var c in preview.Candidates)
            {
                c.Member.CreatedAt = now;
                c.Member.UpdatedAt = now;
                c.Member.Version = 1;
            }
            db.Members.AddRange(preview.Candidates.Select(c => c.Member));
            // The audit interceptor writes each member's creation rows inside this transaction.
            await db.SaveChangesAsync();
            // Tag links are plain rows the interceptor does not see; log them as the member page does.
            foreach (var c in preview.Candidates)
            foreach (var link in c.Member.Tags)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    OccurredAt = now,
                    UserId = actor.UserId,
                    UserName = actor.UserName,
                    EntityType = nameof(MemberTag),
                    EntityId = $"{c.Member.Id}:{link.Tag!.Id}",
                    MemberId = c.Member.Id,
                    Action = AuditActions.Update,
                    Field = "Tags",
                    After = link.Tag.Name,
                });
            }
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = nameof(Member),
                EntityId = "import",
                Action = AuditActions.Import,
                After = $"{preview.FileName}（{TextEncodingSniffer.Label(state.Table!.Encoding)}）から {preview.Candidates.Count}件を取り込み、"
                        + $"会員番号 {preview.Candidates.Min(c => c.Member.MemberNumber)}〜{preview.Candidates.Max(c => c.Member.MemberNumber)}",
            });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        catch (DbUpdateException e)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            log.LogWarning(e, "Member import of {File} rolled back", preview.FileName);
            var again = await PreviewAsync(mapping);
            return new ImportResult(0, new ImportState
            {
                Step = ImportStep.Preview, FileName = again.FileName, Table = again.Table, Preview = again.Preview, Mapping = mapping, Classes = again.Classes,
                Error = "取り込みの途中で会員番号などが他の登録と重なったため、取り込みを中止しました。データベースは取り込み前のままです。"
                        + "少し待ってから、もう一度プレビューを確認して取り込んでください。",
            });
        }
        _files.Delete(mapping.UploadId);
        return new ImportResult(preview.Candidates.Count, null);
    }

    private async Task AttachTagsAsync(IReadOnlyList<ImportCandidate> candidates)
    {
        var names = candidates.SelectMany(c => c.TagNames).Distinct().ToList();
        var tags = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name);
        foreach (var name in names.Where(n => !tags.ContainsKey(n)))
        {
            var tag = new Tag { Name = name };
            db.Tags.Add(tag);
            tags[name] = tag;
        }
        foreach (var c in candidates)
            c.Member.Tags = c.TagNames.Select(n => new MemberTag { Tag = tags[n] }).ToList();
    }

    /// <summary>
    /// Rows with an old number keep it; the rest get new numbers from the sequence, which is first moved past
    /// every kept number so that later members never collide with them.
    /// </summary>
    private async Task NumberAsync(IReadOnlyList<ImportCandidate> candidates)
    {
        var kept = candidates.Where(c => c.KeptNumber is not null).Select(c => c.KeptNumber!.Value).ToList();
        if (kept.Count > 0)
        {
            var highest = kept.Max();
            var seq = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == NumberSequence.MemberNumbers);
            if (seq is null)
            {
                var max = await db.Members.MaxAsync(m => (int?)m.MemberNumber) ?? 0;
                db.NumberSequences.Add(new NumberSequence { Name = NumberSequence.MemberNumbers, NextValue = Math.Max(max, highest) + 1 });
            }
            else if (seq.NextValue <= highest)
            {
                seq.NextValue = highest + 1;
                seq.Version++;
            }
            await db.SaveChangesAsync();
        }
        var needing = candidates.Where(c => c.KeptNumber is null).ToList();
        if (needing.Count == 0) return;
        var first = await MemberNumberAllocator.ReserveAsync(db, needing.Count);
        for (var i = 0; i < needing.Count; i++) needing[i].Member.MemberNumber = first + i;
    }

    private ImportState Expired() => new()
    {
        Step = ImportStep.Upload,
        Error = "アップロードしたファイルが見つかりません（取り込み済みか、時間が経ちすぎました）。もう一度ファイルを選んでください。",
    };

    private async Task<IReadOnlyList<ClassOption>> ClassesAsync() =>
        await db.MemberClasses.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => new ClassOption(c.Id, c.Name)).ToListAsync();

    private async Task<ImportPreview> CheckAsync(string fileName, SheetTable table, ImportMapping mapping)
    {
        var mappingErrors = new List<string>();
        foreach (var dup in mapping.Map.Where(f => f != MemberImportField.Ignore).GroupBy(f => f).Where(g => g.Count() > 1))
            mappingErrors.Add($"「{MemberImportFields.Label(dup.Key)}」に複数の列が選ばれています。1つの列だけにしてください。");
        if (!mapping.Map.Contains(MemberImportField.Name)) mappingErrors.Add("「氏名・団体名」にする列を選んでください。");
        if (!mapping.Map.Contains(MemberImportField.NameKana)) mappingErrors.Add("「フリガナ」にする列を選んでください。");
        var classes = await db.MemberClasses.Where(c => c.IsActive).ToListAsync();
        var defaultClass = classes.FirstOrDefault(c => c.Id == mapping.DefaultClassId);
        if (!mapping.Map.Contains(MemberImportField.MemberClass) && defaultClass is null)
            mappingErrors.Add("「会員種別」にする列を選ぶか、全員に使う会員種別を選んでください。");
        if (mappingErrors.Count > 0) return new ImportPreview(fileName, table, [], [], mappingErrors);

        var today = JapanTime.Today(clock);
        var existingNumbers = (await db.Members.Select(m => m.MemberNumber).ToListAsync()).ToHashSet();
        var numbersInFile = new Dictionary<int, int>();
        var candidates = new List<ImportCandidate>();
        var problems = new List<ImportProblem>();
        var column = mapping.Map.Select((f, i) => (f, i)).Where(x => x.f != MemberImportField.Ignore).ToDictionary(x => x.f, x => x.i);
        foreach (var row in table.Rows)
        {
            string Get(MemberImportField f) => column.TryGetValue(f, out var i) ? row.Cell(i).Trim() : "";
            var reasons = new List<string>();
            if (row.BadQuotes) reasons.Add("引用符（\"）の使い方が正しくないため、列がずれている可能性があります。");
            var m = new Member();

            var name = Normalise(Get(MemberImportField.Name));
            if (name.Length == 0) reasons.Add("氏名が空です。");
            else if (name.Length > 200) reasons.Add("氏名は200文字以内にしてください。");
            m.Name = name;

            var kanaText = Get(MemberImportField.NameKana);
            var kana = KanaNormalizer.ToKatakana(kanaText);
            if (kana.Length == 0) reasons.Add("フリガナが空です。");
            else if (!KanaNormalizer.IsKatakana(kana)) reasons.Add($"フリガナはカタカナで入力してください（「{kanaText}」）。");
            else if (kana.Length > 200) reasons.Add("フリガナは200文字以内にしてください。");
            m.NameKana = kana;

            var className = Get(MemberImportField.MemberClass);
            var kindText = Get(MemberImportField.Kind);
            MemberKind? kind = Normalise(kindText) switch
            {
                "" => null,
                "個人" or "個" => MemberKind.Individual,
                "団体" or "法人" or "団" => MemberKind.Organisation,
                _ => (MemberKind?)(MemberKind)(-1),
            };
            if (kind == (MemberKind)(-1)) { reasons.Add($"種別は「個人」か「団体」で入力してください（「{kindText}」）。"); kind = null; }
            var memberClass = className.Length == 0 ? defaultClass : FindClass(classes, className, kind);
            if (memberClass is null)
                reasons.Add(className.Length == 0 ? "会員種別が空です。" : $"会員種別「{className}」は登録されていません（管理画面の会員種別と同じ名前にしてください）。");
            else m.MemberClassId = memberClass.Id;
            m.Kind = kind ?? (memberClass is not null && (memberClass.Name.Contains("団体") || memberClass.Name.Contains("法人")) ? MemberKind.Organisation : MemberKind.Individual);

            var unitsText = Normalise(Get(MemberImportField.Units)).TrimEnd('口');
            if (unitsText.Length == 0) m.Units = memberClass?.DefaultUnits ?? 1;
            else if (int.TryParse(unitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var units) && units is >= 1 and <= 1000) m.Units = units;
            else reasons.Add($"口数は1以上の整数で入力してください（「{Get(MemberImportField.Units)}」）。");

            var statusText = Get(MemberImportField.Status);
            var status = ParseStatus(statusText);
            if (status is null) reasons.Add($"状態「{statusText}」が分かりません（在籍・休会・退会・入会手続中・逝去のいずれか）。");
            m.Status = status ?? MemberStatus.Active;

            m.JoinedOn = ReadDate(Get(MemberImportField.JoinedOn), "入会日", today, reasons) ?? today;
            m.Birthday = ReadDate(Get(MemberImportField.Birthday), "生年月日", today, reasons);
            m.StatusChangedOn = m.Status is MemberStatus.Active or MemberStatus.Applying ? m.JoinedOn : today;
            if (m.Status is not (MemberStatus.Active or MemberStatus.Applying)) m.StatusReason = "CSV取込時点の状態";

            var postalText = Get(MemberImportField.PostalCode);
            if (postalText.Length > 0)
            {
                var postal = PostalCode.Tidy(postalText);
                if (!PostalCode.IsValid(postal)) reasons.Add($"郵便番号「{postalText}」の形式が正しくありません（例：123-4567）。");
                m.PostalCode = postal;
            }
            var prefecture = Normalise(Get(MemberImportField.Prefecture));
            if (prefecture.Length > 0)
            {
                if (!Prefectures.IsKnown(prefecture)) reasons.Add($"都道府県「{prefecture}」が正しくありません（例：東京都、大阪府）。");
                m.Prefecture = prefecture;
            }
            m.City = Optional(Get(MemberImportField.City), "市区町村", 100, reasons);
            m.Street = Optional(Get(MemberImportField.Street), "番地", 200, reasons);
            // Many lists keep the whole address in one 住所 column: take the prefecture off its front.
            if (m.Prefecture is null)
            {
                var (pref, rest) = SplitPrefecture(m.City ?? m.Street);
                if (pref is not null)
                {
                    m.Prefecture = pref;
                    if (m.City is not null) m.City = rest.Length > 0 ? rest : null;
                    else m.Street = rest.Length > 0 ? rest : null;
                }
            }
            m.Building = Optional(Get(MemberImportField.Building), "建物名", 200, reasons);
            m.Phone = ReadPhone(Get(MemberImportField.Phone), "電話番号", reasons);
            m.MobilePhone = ReadPhone(Get(MemberImportField.MobilePhone), "携帯電話番号", reasons);

            var email = Get(MemberImportField.Email).Normalize(NormalizationForm.FormKC).Trim();
            if (email.Length > 0)
            {
                if (email.Length > 254 || !EmailPattern().IsMatch(email)) reasons.Add($"メールアドレス「{email}」の形式が正しくありません。");
                m.Email = email;
            }

            var contact = Optional(Get(MemberImportField.ContactPerson), "担当者名", 200, reasons);
            if (contact is not null)
            {
                if (m.Kind != MemberKind.Organisation) reasons.Add("担当者名は団体の行にだけ入力できます。");
                m.ContactPersonName = contact;
            }
            m.Notes = Optional(Get(MemberImportField.Notes), "メモ", 4000, reasons);

            var tagNames = Get(MemberImportField.Tags).Split(['、', ';', '；', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Normalise).Where(t => t.Length > 0).Distinct().ToList();
            foreach (var t in tagNames.Where(t => t.Length > 50)) reasons.Add($"タグ「{t}」は50文字以内にしてください。");

            int? kept = null;
            var numberText = Normalise(Get(MemberImportField.MemberNumber));
            if (numberText.Length > 0)
            {
                // Kept numbers move the sequence past them for good, so a typo like 1023 → 102300 is refused.
                if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > MaxKeptNumber)
                    reasons.Add($"会員番号「{numberText}」は1から{MaxKeptNumber}までの数字で入力してください。");
                else if (numbersInFile.TryGetValue(number, out var firstLine))
                    reasons.Add($"会員番号 {number} がファイルの中で重複しています（{firstLine}行目と同じ）。");
                else if (existingNumbers.Contains(number))
                    reasons.Add($"会員番号 {number} は既に登録されている会員が使っています。");
                else
                {
                    numbersInFile[number] = row.Line;
                    kept = number;
                    m.MemberNumber = number;
                }
            }

            if (reasons.Count > 0) problems.Add(new ImportProblem(row.Line, name, reasons));
            else candidates.Add(new ImportCandidate { Line = row.Line, Member = m, KeptNumber = kept, ClassName = memberClass!.Name, TagNames = tagNames });
        }
        if (table.Rows.Count == 0) mappingErrors.Add("見出し行の下にデータの行がありません。");
        return new ImportPreview(fileName, table, candidates, problems, mappingErrors);
    }

    private static (string? Prefecture, string Remainder) SplitPrefecture(string? address)
    {
        if (address is null) return (null, "");
        var p = Prefectures.All.FirstOrDefault(x => address.StartsWith(x, StringComparison.Ordinal));
        return p is null ? (null, address) : (p, address[p.Length..].TrimStart(' ', '　'));
    }

    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Matches 正会員(個人) to 正会員（個人）, and 正会員 with 種別 個人 to 正会員（個人）.</summary>
    private static MemberClass? FindClass(List<MemberClass> classes, string text, MemberKind? kind)
    {
        static string Fold(string s) => new(s.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
        var wanted = Fold(text);
        var exact = classes.FirstOrDefault(c => Fold(c.Name) == wanted);
        if (exact is not null || kind is null) return exact;
        var withKind = Fold($"{text}({MemberLabels.Of(kind.Value)})");
        return classes.FirstOrDefault(c => Fold(c.Name) == withKind);
    }

    private static MemberStatus? ParseStatus(string text) => Normalise(text) switch
    {
        "" or "在籍" or "在籍中" or "会員" or "有効" or "継続" => MemberStatus.Active,
        "休会" or "休会中" => MemberStatus.Suspended,
        "退会" or "退会済" or "退会済み" => MemberStatus.Withdrawn,
        "入会手続中" or "入会手続き中" or "申込中" or "仮会員" => MemberStatus.Applying,
        "逝去" or "死去" => MemberStatus.Deceased,
        _ => null,
    };

    /// <summary>The largest old member number an import may keep (six digits, as registers use).</summary>
    public const int MaxKeptNumber = 999_999;

    private static DateOnly? ReadDate(string text, string label, DateOnly today, List<string> reasons)
    {
        if (text.Length == 0) return null;
        if (!JapaneseDate.TryParse(text, out var date))
        {
            reasons.Add($"{label}「{text}」を日付として読めません（例：2026/4/1、2026年4月1日、昭和50年4月1日）。");
            return null;
        }
        if (date > today)
        {
            reasons.Add($"{label}「{text}」が未来の日付です。");
            return null;
        }
        return date;
    }

    private static string? ReadPhone(string text, string label, List<string> reasons)
    {
        if (text.Length == 0) return null;
        if (!PhoneNumber.IsPlausible(text))
        {
            reasons.Add($"{label}「{text}」の桁数が正しくありません（市外局番からの10桁か11桁）。");
            return text;
        }
        return PhoneNumber.Tidy(text);
    }

    private static string? Optional(string text, string label, int max, List<string> reasons)
    {
        var s = text.Trim();
        if (s.Length == 0) return null;
        if (s.Length > max) reasons.Add($"{label}は{max}文字以内にしてください。");
        return s;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
