using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Documents;
using MemberHub.Web.Documents;
using MemberHub.Web.Pages.Dues.Documents;

namespace MemberHub.Web.Pages.Payments.Receipts;

public sealed record AnnualQueueResult(int Issued, string? Error);

/// <summary>
/// The January run: certificates are numbered and saved at once, in the request (so who issued them is the person
/// who pressed the button, and a repeat issues nothing twice); only printing them is left to the background job,
/// which makes ONE print file in postal-code order, the way the invoices of a billing run are printed: the office
/// prints and posts them in one go, and a donor who asks again gets their own from the member page.
/// </summary>
public sealed class AnnualCertificatesHandler(ReceiptBookHandler book, DocumentJobQueue queue, DocumentJobQuery jobs, IAuditActor actor)
{
    public async Task<AnnualPage> PageAsync(int year, CancellationToken ct = default)
    {
        var certified = (await book.SettingsAsync(ct))?.IsCertifiedNpo == true;
        var plan = certified ? await book.PlanAnnualAsync(year, ct) : new AnnualPlan(year, []);
        return new AnnualPage(certified, plan, await jobs.LatestAsync(AnnualCertificatesProducer.JobKind, year, ct));
    }

    public async Task<AnnualQueueResult> QueueAsync(int year, CancellationToken ct = default)
    {
        if ((await book.SettingsAsync(ct))?.IsCertifiedNpo != true) return new AnnualQueueResult(0, ReceiptMessages.NotCertified);
        var run = await book.IssueAnnualForAllAsync(year, ct);
        if (run.ReceiptIds.Count == 0)
            return new AnnualQueueResult(0, $"{year}年分として証明書を作成できる寄附者はいません（寄附がない、住所が未登録、またはすべて個別の証明書を発行済み）。");
        await queue.QueueAsync(AnnualCertificatesProducer.JobKind, year, DocumentJobKinds.FormatIds(run.ReceiptIds),
            $"{year}年分 寄附金受領証明書（{run.ReceiptIds.Count}件）", $"{year.ToString(CultureInfo.InvariantCulture)}年分寄附金受領証明書.pdf",
            actor.UserId, actor.UserName, ct);
        return new AnnualQueueResult(run.ReceiptIds.Count, null);
    }
}

/// <summary>Prints the certificates listed in the job's parameters, in that order.</summary>
public sealed class AnnualCertificatesProducer(ReceiptPdfQuery pdf) : IDocumentJobProducer
{
    public const string JobKind = "donation-certificates";

    public string Kind => JobKind;

    public Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct) =>
        Task.FromResult(DocumentJobKinds.ParseIds(job.Parameters));

    public Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct) =>
        pdf.WriteAsync(items, output, progress, ct);
}
