using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsvHelper;
using MemberHub.Text;
using MemberHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Pages.Members;

/// <summary>How the user wants the file read: detected, or forced when the detection guessed wrong.</summary>
public static class EncodingChoice
{
    public const string Auto = "auto";
    public const string Utf8 = "utf-8";
    public const string ShiftJis = "shift_jis";
}

/// <summary>A spreadsheet as read: its header row and its data rows with their row numbers as Excel shows them.</summary>
public sealed record SheetTable(
    CsvEncoding Encoding,
    IReadOnlyList<string> Headers,
    IReadOnlyList<SheetRow> Rows,
    bool LooksGarbled);

public sealed record SheetRow(int Line, IReadOnlyList<string> Cells, bool BadQuotes)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";
}

/// <summary>
/// Keeps an uploaded file between the steps of an import in a folder under the data folder, under a random
/// id (never in a hidden field, so the browser cannot swap the file between preview and import).
/// </summary>
public sealed partial class ImportFileStore(IOptions<DatabaseOptions> options, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private string Folder => Path.Combine(Path.GetFullPath(options.Value.DataFolder), "import-temp");

    public async Task<string> SaveAsync(Stream content, string fileName)
    {
        Directory.CreateDirectory(Folder);
        RemoveStale();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var file = File.Create(PathOf(id, ".csv")))
            await content.CopyToAsync(file);
        await File.WriteAllTextAsync(PathOf(id, ".name"), Path.GetFileName(fileName));
        return id;
    }

    public async Task<(byte[] Bytes, string FileName)?> ReadAsync(string? id)
    {
        if (id is null || !IdPattern().IsMatch(id) || !File.Exists(PathOf(id, ".csv"))) return null;
        var name = File.Exists(PathOf(id, ".name")) ? await File.ReadAllTextAsync(PathOf(id, ".name")) : "";
        return (await File.ReadAllBytesAsync(PathOf(id, ".csv")), name);
    }

    public void Delete(string id)
    {
        if (!IdPattern().IsMatch(id)) return;
        File.Delete(PathOf(id, ".csv"));
        File.Delete(PathOf(id, ".name"));
    }

    /// <summary>Uploads abandoned half-way are removed after a day.</summary>
    private void RemoveStale()
    {
        var limit = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var f in Directory.EnumerateFiles(Folder))
            if (File.GetLastWriteTimeUtc(f) < limit)
                try { File.Delete(f); } catch (IOException) { }
    }

    private string PathOf(string id, string extension) => Path.Combine(Folder, id + extension);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}

public static class MemberCsvReader
{
    public static CsvEncoding Resolve(byte[] bytes, string? choice) => choice switch
    {
        EncodingChoice.Utf8 => CsvEncoding.Utf8,
        EncodingChoice.ShiftJis => CsvEncoding.ShiftJis,
        _ => TextEncodingSniffer.Detect(bytes),
    };

    /// <summary>Reads the file with CsvHelper; null if it has not even a header row.</summary>
    public static SheetTable? Read(byte[] bytes, string? encodingChoice)
    {
        var encoding = Resolve(bytes, encodingChoice);
        var text = TextEncodingSniffer.Decode(bytes, encoding);
        var badRows = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            TrimWhitespace = true,
            SkipEmptyLines = true,
            OnMalformedRecord = r => badRows.Add(r.RecordNumber),
        };
        using var reader = CsvReader.Create(new StringReader(text), options, false);
        string[]? headers = null;
        var rows = new List<SheetRow>();
        // Records are numbered as Excel numbers its rows (the header is row 1), which is what the user sees.
        var line = 0;
        while (reader.Read())
        {
            line++;
            var cells = reader.Current.ToArray();
            if (headers is null)
            {
                headers = cells.Select(c => c.Trim()).ToArray();
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue; // Excel leaves ",,,,," rows below the data
            rows.Add(new SheetRow(line, cells, badRows.Contains(line)));
        }
        if (headers is null || headers.All(string.IsNullOrWhiteSpace)) return null;
        return new SheetTable(encoding, headers, rows, text.Contains('\uFFFD'));
    }
}
