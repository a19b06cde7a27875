using System.Net;
using MemberHub.Billing;
using MemberHub.Documents;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Documents;

public abstract class InvoicePdfTests(MemberHubFactory app)
{
    [Fact]
    public async Task The_office_views_and_downloads_an_invoice_and_a_volunteer_is_refused()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        await InvoiceData.OrganisationAsync(app);
        var member = await new MemberBuilder().Named("佐藤 花子", "サトウ ハナコ").CreateAsync(app);
        var invoice = await InvoiceData.CreateAsync(app, member, "160-0023");

        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var inline = await treasurer.Http.GetAsync($"/Dues/Invoices/Pdf/{invoice.Id}");
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        var text = SamplePrints.PageTexts(await inline.Content.ReadAsByteArrayAsync()).Single();
        Assert.Contains("佐藤 花子", text);
        Assert.Contains(invoice.InvoiceNumber, text);
        Assert.Contains("5,000円", text);
        Assert.Contains("2026年12月23日", text);
        Assert.Contains("みずほ銀行", text);
        Assert.Contains("7654321", text);
        Assert.Contains("特定非営利活動法人 みどりの森", text);

        var download = await treasurer.Http.GetAsync($"/Dues/Invoices/Pdf/{invoice.Id}?download=1");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"会費請求書_{invoice.InvoiceNumber}.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);

        Assert.Equal(HttpStatusCode.NotFound, (await treasurer.Http.GetAsync("/Dues/Invoices/Pdf/987654")).StatusCode);

        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Dues/Invoices/Pdf/{invoice.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_gets_their_own_invoice_on_the_my_page_and_nobody_elses()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        await InvoiceData.OrganisationAsync(app);
        var own = await new MemberBuilder().Named("鈴木 一郎", "スズキ イチロウ").CreateAsync(app);
        var other = await new MemberBuilder().Named("田中 美咲", "タナカ ミサキ").CreateAsync(app);
        var ownInvoice = await InvoiceData.CreateAsync(app, own);
        var otherInvoice = await InvoiceData.CreateAsync(app, other);

        var volunteer = await app.SignInAsAsync(Roles.Volunteer, memberId: own.Id);
        var mine = await volunteer.Http.GetAsync($"/My/InvoicePdf/{ownInvoice.Id}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("鈴木 一郎", SamplePrints.PageTexts(await mine.Content.ReadAsByteArrayAsync()).Single());

        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.Http.GetAsync($"/My/InvoicePdf/{otherInvoice.Id}")).StatusCode);
        var unlinked = await app.SignInAsAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await unlinked.Http.GetAsync($"/My/InvoicePdf/{ownInvoice.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_postal_invoices_of_a_run_are_made_in_the_background_in_postal_code_order_and_downloaded()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        await InvoiceData.OrganisationAsync(app);
        var run = await InvoiceData.RunAsync(app);
        var a = await new MemberBuilder().Named("高橋 健一", "タカハシ ケンイチ").CreateAsync(app);
        var b = await new MemberBuilder().Named("伊藤 由美", "イトウ ユミ").CreateAsync(app);
        var c = await new MemberBuilder().Named("渡辺 翔太", "ワタナベ ショウタ").CreateAsync(app);
        var d = await new MemberBuilder().Named("山本 さくら", "ヤマモト サクラ").CreateAsync(app);
        var e = await new MemberBuilder().Named("中村 大輔", "ナカムラ ダイスケ").CreateAsync(app);
        var third = await InvoiceData.CreateAsync(app, a, "812-0011", runId: run.Id);
        var first = await InvoiceData.CreateAsync(app, b, "060-0001", runId: run.Id);
        var second = await InvoiceData.CreateAsync(app, c, "530-0001", runId: run.Id, contactName: null, honorific: "御中");
        var byEmail = await InvoiceData.CreateAsync(app, d, "100-0001", DeliveryChannel.Email, run.Id);
        var cancelled = await InvoiceData.CreateAsync(app, e, "100-0002", runId: run.Id, status: InvoiceStatus.Cancelled);

        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var page = await (await treasurer.Http.GetAsync($"/Dues/Runs/Documents/{run.Id}")).BodyAsync();
        Assert.Contains("id=\"postal-count\">3<", page);
        Assert.DoesNotContain("印刷用PDFを作成", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync($"/Dues/Runs/PrintInvoices/{run.Id}", new FormUrlEncodedContent([]))).StatusCode);

        var staff = await app.SignInAsAsync(Roles.Staff);
        var queued = await staff.Http.SubmitFormAsync($"/Dues/Runs/Documents/{run.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var jobId = await app.WithDbAsync(db => db.DocumentJobs.Where(j => j.Kind == "run-invoices" && j.RelatedId == run.Id).Select(j => j.Id).SingleAsync());

        var polling = await (await staff.Http.GetAsync($"/Dues/Runs/Documents/{run.Id}")).BodyAsync();
        // Polling while the worker runs; on an idle machine the three pages may already be done.
        Assert.True(polling.Contains($"/Dues/Documents/Progress/{jobId}") || polling.Contains($"/Dues/Documents/Download/{jobId}"),
            "the page shows neither the progress nor the finished file");

        DocumentJob job = null!;
        for (var i = 0; i < 120; i++)
        {
            job = await app.WithDbAsync(db => db.DocumentJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (job.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed) break;
            await Task.Delay(250);
        }
        Assert.True(job.Status == DocumentJobStatus.Done, $"job {job.Status}: {job.Error}");
        Assert.Equal((3, 3), (job.Done, job.Total));

        var fragment = await (await staff.Http.GetAsync($"/Dues/Documents/Progress/{jobId}")).BodyAsync();
        Assert.DoesNotContain("hx-trigger", fragment);
        Assert.Contains($"/Dues/Documents/Download/{jobId}", fragment);

        var file = await treasurer.Http.GetAsync($"/Dues/Documents/Download/{jobId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("2026年度会費請求書_郵送分.pdf", file.Content.Headers.ContentDisposition?.FileNameStar);
        var pages = SamplePrints.PageTexts(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pages.Count);
        Assert.Contains(first.InvoiceNumber, pages[0]);
        Assert.Contains(second.InvoiceNumber, pages[1]);
        Assert.Contains("御中", pages[1]);
        Assert.Contains(third.InvoiceNumber, pages[2]);
        Assert.DoesNotContain(pages, p => p.Contains(byEmail.InvoiceNumber) || p.Contains(cancelled.InvoiceNumber));

        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Dues/Documents/Download/{jobId}")).StatusCode);

        // Once in the post, each member's contact history says so; recording twice adds nothing.
        var documents = await staff.Http.GetDocumentAsync($"/Dues/Runs/Documents/{run.Id}");
        Assert.Equal("0", documents.QuerySelector("#posted-count")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.SubmitFormAsync($"/Dues/Runs/Documents/{run.Id}", new Dictionary<string, string>(), "#posted-card form")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync($"/Dues/Runs/MarkPosted/{run.Id}", new FormUrlEncodedContent([]))).StatusCode);
        var posted = await app.WithDbAsync(db => db.ContactRecords.AsNoTracking()
            .Where(c => c.Channel == MemberHub.Members.ContactChannel.Post && c.Summary.EndsWith("を郵送で送付")).ToListAsync());
        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(), posted.Select(p => p.MemberId).Order());
        Assert.Contains(posted, p => p.MemberId == b.Id && p.Summary == $"2026年度会費請求書（{first.InvoiceNumber}）を郵送で送付");
        documents = await staff.Http.GetDocumentAsync($"/Dues/Runs/Documents/{run.Id}");
        Assert.Equal("3", documents.QuerySelector("#posted-count")!.TextContent);
        Assert.Null(documents.QuerySelector("#mark-posted"));
    }

    [Fact]
    public async Task Reminder_letters_are_a_job_kind_the_collection_pages_can_queue()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        await InvoiceData.OrganisationAsync(app);
        var member = await new MemberBuilder().Named("小林 誠", "コバヤシ マコト").CreateAsync(app);
        var invoice = await InvoiceData.CreateAsync(app, member, "260-0013");
        var jobId = await app.WithServicesAsync(async sp =>
        {
            var queue = sp.GetRequiredService<MemberHub.Web.Documents.DocumentJobQueue>();
            var j = await queue.QueueAsync("reminder-letters", null, invoice.Id.ToString(), "督促状", "督促状.pdf", null, "事務局");
            return j.Id;
        });
        DocumentJob job = null!;
        for (var i = 0; i < 120; i++)
        {
            job = await app.WithDbAsync(db => db.DocumentJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (job.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed) break;
            await Task.Delay(250);
        }
        Assert.True(job.Status == DocumentJobStatus.Done, $"job {job.Status}: {job.Error}");
        var staff = await app.SignInAsAsync(Roles.Staff);
        var bytes = await (await staff.Http.GetAsync($"/Dues/Documents/Download/{jobId}")).Content.ReadAsByteArrayAsync();
        var text = string.Concat(SamplePrints.PageTexts(bytes));
        Assert.Contains("小林 誠", text);
        Assert.Contains("会費お支払いのお願い", text);
        Assert.Contains(invoice.InvoiceNumber, text);
        Assert.Contains("5,000円", text);
        Assert.Contains("みずほ銀行", text);

        var path = Path.Combine(SamplePrints.OutputFolder, $"reminder-{app.Kind}.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        SamplePrints.ToPng(path);
    }

    [Fact]
    public async Task A_job_cut_off_long_ago_is_made_again_and_one_another_instance_is_making_is_left_alone()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        await InvoiceData.OrganisationAsync(app);
        var member = await new MemberBuilder().Named("斉藤 学", "サイトウ マナブ").CreateAsync(app);
        var invoice = await InvoiceData.CreateAsync(app, member, "330-0063");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        DocumentJob Running(DateTime startedAt) => new()
        {
            Kind = "reminder-letters", Parameters = invoice.Id.ToString(), Title = "督促状", DownloadFileName = "督促状.pdf",
            Status = DocumentJobStatus.Running, StartedAt = startedAt, CreatedAt = startedAt, CreatedByName = "事務局",
        };
        var (stale, live) = await app.WithDbAsync(async db =>
        {
            var a = Running(now.AddHours(-1));
            var b = Running(now.AddMinutes(-1));
            db.DocumentJobs.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        await app.WithServicesAsync(sp => { sp.GetRequiredService<MemberHub.Web.Documents.DocumentJobSignal>().Notify(); return Task.FromResult(0); });

        DocumentJob job = null!;
        for (var i = 0; i < 120; i++)
        {
            job = await app.WithDbAsync(db => db.DocumentJobs.AsNoTracking().SingleAsync(j => j.Id == stale));
            if (job.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed) break;
            await Task.Delay(250);
        }
        Assert.True(job.Status == DocumentJobStatus.Done, $"job {job.Status}: {job.Error}");
        Assert.Equal(DocumentJobStatus.Running, await app.WithDbAsync(db => db.DocumentJobs.Where(j => j.Id == live).Select(j => j.Status).SingleAsync()));
    }
}

public class InvoicePdfSqliteTests(MemberHubFactory app) : InvoicePdfTests(app), IClassFixture<MemberHubFactory>;

public class InvoicePdfPostgresTests(PostgresMemberHubFactory app) : InvoicePdfTests(app), IClassFixture<PostgresMemberHubFactory>;
