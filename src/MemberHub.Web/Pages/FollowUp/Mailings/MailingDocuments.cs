using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Documents;
using MemberHub.FollowUp;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Web.Documents;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace MemberHub.Web.Pages.FollowUp.Mailings;

public static class MailingDocumentKinds
{
    /// <summary>RelatedId = mailing; Parameters = member ids in print (postal-code) order.</summary>
    public const string Letters = "mailing-letters";
    /// <summary>RelatedId = mailing; Parameters = "sheet key;member ids".</summary>
    public const string Labels = "mailing-labels";
}

/// <summary>Name and address of one person as printed on an envelope or label.</summary>
public sealed record PostalAddressee(long MemberId, int MemberNumber, string Name, string? ContactName, string Honorific, string? PostalCode,
    string? Address, string? MemberClass);

public static class PostalAddressees
{
    /// <summary>The people in the order given (the job's print order), read in chunks below the databases' parameter limits.</summary>
    public static async Task<IReadOnlyList<PostalAddressee>> LoadAsync(MemberHubDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var found = new Dictionary<long, PostalAddressee>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var rows = await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id))
                .Select(m => new { m.Id, m.MemberNumber, m.Name, m.ContactPersonName, m.Kind, m.PostalCode, m.Prefecture, m.City, m.Street, m.Building, Class = m.MemberClass!.Name })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var organisation = r.Kind == MemberKind.Organisation;
                var contact = organisation && !string.IsNullOrWhiteSpace(r.ContactPersonName) ? r.ContactPersonName : null;
                var address = string.Join(" ", new[] { r.Prefecture, r.City, r.Street, r.Building }.Where(x => !string.IsNullOrWhiteSpace(x)));
                found[r.Id] = new PostalAddressee(r.Id, r.MemberNumber, r.Name, contact, organisation && contact is null ? "御中" : "様",
                    r.PostalCode, address.Length == 0 ? null : address, r.Class);
            }
        }
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }
}

/// <summary>The mailing's text as one letter per person (ILetterDocuments: window-envelope address block, A4).</summary>
public sealed class MailingLettersProducer(MemberHubDbContext db, ILetterDocuments letters, TimeProvider clock) : IDocumentJobProducer
{
    public string Kind => MailingDocumentKinds.Letters;

    public Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct) =>
        Task.FromResult(DocumentJobKinds.ParseIds(job.Parameters));

    public async Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var mailing = await db.Mailings.AsNoTracking().SingleAsync(m => m.Id == job.RelatedId, ct);
        var organisation = await db.OrganisationSettings.AsNoTracking().Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var people = await PostalAddressees.LoadAsync(db, items, ct);
        var today = JapanTime.Today(clock);
        var contents = people.Select(p =>
        {
            var person = new AudienceMember(p.MemberId, p.MemberNumber, p.Name, p.ContactName, MemberKind.Individual, p.MemberClass, null, p.PostalCode, p.Address, ExclusionReason.None);
            var fields = MailingAudienceQuery.FieldsFor(person, organisation, "");
            if (p.ContactName is not null) fields["氏名"] = $"{p.Name} {p.ContactName}";
            return new LetterContent(p.Name, p.ContactName, p.Honorific, p.PostalCode, p.Address, today,
                TemplateText.Render(mailing.Subject, fields), TemplateText.Render(mailing.Body, fields));
        }).ToList();
        await letters.WriteLettersAsync(contents, output, progress, ct);
    }
}

/// <summary>Address labels on a sheet (or 長形3号 envelopes), in the order of the job (postal code).</summary>
public sealed class MailingLabelsProducer(MemberHubDbContext db, PdfFonts fonts, TimeProvider clock) : IDocumentJobProducer
{
    public string Kind => MailingDocumentKinds.Labels;

    public Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct)
    {
        var (_, ids) = Parse(job.Parameters);
        return Task.FromResult(ids);
    }

    public async Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var (sheet, _) = Parse(job.Parameters);
        var people = await PostalAddressees.LoadAsync(db, items, ct);
        AddressLabels.Write(output, fonts, sheet ?? LabelSheet.A4x12, people, job.Title, clock.GetUtcNow().UtcDateTime, progress, ct);
    }

    private static (LabelSheet? Sheet, IReadOnlyList<long> Ids) Parse(string parameters)
    {
        var parts = (parameters ?? "").Split(';', 2);
        return parts.Length == 2 ? (LabelSheet.Find(parts[0]), DocumentJobKinds.ParseIds(parts[1])) : (null, DocumentJobKinds.ParseIds(parameters));
    }
}

/// <summary>Draws address labels: postal code, address (up to three lines), the name with 様 or 御中, and the member number small.</summary>
public static class AddressLabels
{
    public static void Write(Stream output, PdfFonts fonts, LabelSheet sheet, IReadOnlyList<PostalAddressee> people, string title, DateTime createdUtc,
        IProgress<int>? progress, CancellationToken ct)
    {
        using var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = title, Creator = "MemberHub", Producer = "MemberHub (SkiaSharp)", Creation = createdUtc, Modified = createdUtc,
        }) ?? throw new InvalidOperationException("The PDF document could not be created.");
        var large = sheet.PerPage == 1;
        var small = sheet.LabelHeightMm < 38;
        using var address = new TextStyle(fonts.Regular, large ? 12f : small ? 8f : 9f);
        using var name = new TextStyle(fonts.Regular, large ? 16f : small ? 10.5f : 12f);
        using var tiny = new TextStyle(fonts.Regular, large ? 8f : 6f);
        var padding = large ? 0f : small ? 3f : 5f;
        var width = (float)sheet.LabelWidthMm - 2 * padding;
        var pageWidth = LabelSheet.Points(sheet.PageWidthMm);
        var pageHeight = LabelSheet.Points(sheet.PageHeightMm);

        SKCanvas? canvas = null;
        var page = -1;
        for (var i = 0; i < people.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var position = sheet.Position(i);
            if (position.Page != page)
            {
                if (canvas is not null) document.EndPage();
                canvas = document.BeginPage(pageWidth, pageHeight);
                page = position.Page;
            }
            Draw(canvas!, people[i], (float)position.XMm + padding, (float)position.YMm + padding, width, (float)sheet.LabelHeightMm - 2 * padding,
                address, name, tiny);
            progress?.Report(i + 1);
        }
        if (canvas is null) document.BeginPage(pageWidth, pageHeight);
        document.EndPage();
        document.Close();
    }

    private static void Draw(SKCanvas canvas, PostalAddressee p, float x, float y, float width, float height, TextStyle address, TextStyle name, TextStyle tiny)
    {
        var lineAddress = address.SizePt * 0.3528f * 1.35f;
        var lineName = name.SizePt * 0.3528f * 1.4f;
        var baseline = y + lineAddress;
        if (!string.IsNullOrEmpty(p.PostalCode))
        {
            TextPainter.Draw(canvas, address, "〒" + p.PostalCode, x, baseline);
            baseline += lineAddress;
        }
        foreach (var line in TextPainter.Wrap(address, p.Address ?? "", width).Take(3))
        {
            TextPainter.Draw(canvas, address, line, x, baseline);
            baseline += lineAddress;
        }
        baseline += lineName * 0.4f;
        if (p.ContactName is not null)
        {
            TextPainter.Draw(canvas, address, p.Name, x, baseline);
            baseline += lineName;
            TextPainter.Draw(canvas, name, $"{p.ContactName} {p.Honorific}", x + width / 2, baseline, Align.Center);
        }
        else
        {
            TextPainter.Draw(canvas, name, $"{p.Name} {p.Honorific}", x + width / 2, baseline, Align.Center);
        }
        TextPainter.Draw(canvas, tiny, "No." + p.MemberNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), x + width, y + height, Align.Right);
    }
}
