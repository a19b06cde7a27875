using MemberHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Documents;

/// <summary>
/// The folder that holds finished PDFs of background jobs (Documents:Path, under Database:DataFolder unless
/// absolute). Files are written under a temporary name and renamed when complete, so a half-written file is
/// never offered for download.
/// </summary>
public sealed class DocumentStore(IOptions<DocumentOptions> options, IOptions<DatabaseOptions> database)
{
    public string Folder { get; } = System.IO.Path.GetFullPath(
        System.IO.Path.Combine(database.Value.DataFolder, options.Value.Path));

    public string PathOf(string storedName)
    {
        if (storedName.Contains('/') || storedName.Contains('\\') || storedName.Contains(".."))
            throw new ArgumentException("Not a stored document name.", nameof(storedName));
        return System.IO.Path.Combine(Folder, storedName);
    }

    /// <summary>A new file to write; call <see cref="Commit"/> with the same name when it is complete.</summary>
    public FileStream Create(string storedName)
    {
        Directory.CreateDirectory(Folder);
        return new FileStream(PathOf(storedName) + ".part", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public long Commit(string storedName)
    {
        var target = PathOf(storedName);
        File.Move(target + ".part", target, overwrite: true);
        return new FileInfo(target).Length;
    }

    public void Discard(string storedName)
    {
        try { File.Delete(PathOf(storedName) + ".part"); } catch (IOException) { }
    }

    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true) : null;
    }
}
