using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Thanks;
using MemberHub.Web.Pages.Payments;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Thanks;

/// <summary>Thank-you notes are made when a payment is saved, whoever saves it; on both databases.</summary>
public abstract class ThankYouCreationTests(MemberHubFactory app)
{
    private Task<List<ThankYouNote>> NotesAsync(long memberId) =>
        app.WithDbAsync(db => db.ThankYouNotes.AsNoTracking().Where(n => n.MemberId == memberId).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task A_manual_payment_queues_a_thank_you_by_e_mail_or_by_post_as_the_member_prefers()
    {
        app.SkipIfUnavailable();
        var withMail = await new MemberBuilder().CreateAsync(app);
        var noMail = await new MemberBuilder().WithEmail("").CreateAsync(app);
        var refuses = await app.ChangeMemberAsync(await new MemberBuilder().CreateAsync(app), m => m.RefusesEmail = true);
        var neither = await app.ChangeMemberAsync(await new MemberBuilder().CreateAsync(app), m => { m.RefusesEmail = true; m.RefusesPost = true; });
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        foreach (var m in new[] { withMail, noMail, refuses, neither })
        {
            await app.InvoiceAsync(m, 2026, 5_000);
            var page = $"/Payments/Manual?memberId={m.Id}";
            (await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>
            {
                ["Input.Amount"] = "5000", ["Input.Method"] = nameof(PaymentMethod.Cash), ["Input.ReceivedOn"] = "2026-11-20",
            }, "#payment-form")).AssertRedirectTo(page);
        }

        var note = Assert.Single(await NotesAsync(withMail.Id));
        Assert.Equal((ThankYouKind.Dues, ThankYouChannel.Email, ThankYouStatus.Pending), (note.Kind, note.Channel, note.Status));
        Assert.Equal(5_000, note.Amount.Value);
        Assert.Equal(new DateOnly(2026, 11, 20), note.ReceivedOn);
        Assert.Equal(2026, note.FiscalYear);
        Assert.NotNull(note.PaymentId);
        Assert.Equal(withMail.Id, await app.WithDbAsync(db => db.Payments.Where(p => p.Id == note.PaymentId).Select(p => p.MemberId).SingleAsync()));
        Assert.Equal(ThankYouChannel.Letter, Assert.Single(await NotesAsync(noMail.Id)).Channel);
        Assert.Equal(ThankYouChannel.Letter, Assert.Single(await NotesAsync(refuses.Id)).Channel);
        var skipped = Assert.Single(await NotesAsync(neither.Id));
        Assert.Equal(ThankYouStatus.Skipped, skipped.Status);
        Assert.Contains("希望されていない", skipped.Note);
        // Audited like every change to a member's data.
        // The audit names the payment by its real id, not the temporary one it had while both were being inserted.
        var paymentId = note.PaymentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Its creation is one row with every field (written with each payment of a 10,000-line import).
        var created = Assert.Single(await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "ThankYouNote" && a.EntityId == note.Id.ToString() && a.Action == AuditActions.Create).ToListAsync()));
        Assert.Null(created.Field);
        Assert.Contains("PaymentId=" + paymentId, created.After!.Split("; "));
        Assert.Contains("Kind=" + note.Kind, created.After!.Split("; "));
    }

    [Fact]
    public async Task Dues_with_a_donation_make_two_notes_and_a_reversal_skips_them()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 5_000);
        var posted = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 20), 8_000, (invoice.Id, 5_000)) with { RestAs = AllocationKind.Donation });
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));
        var notes = await NotesAsync(member.Id);
        Assert.Equal([(ThankYouKind.Dues, 5_000L), (ThankYouKind.Donation, 3_000L)], notes.Select(n => (n.Kind, n.Amount.Value)).OrderBy(x => x.Kind).ToList());

        var admin = await app.SignInAsAsync(Roles.Admin);
        (await admin.Http.SubmitFormAsync($"/Payments/Reverse/{posted.PaymentId}", new Dictionary<string, string> { ["Reason"] = "二重計上のため" }))
            .AssertRedirectTo($"/Payments/Details/{posted.PaymentId}");
        notes = await NotesAsync(member.Id);
        Assert.All(notes, n => Assert.Equal(ThankYouStatus.Skipped, n.Status));
        Assert.All(notes, n => Assert.Equal(ThankYouRules.ReversedNote, n.Note));
        // The reversal itself thanks nobody.
        Assert.Equal(2, notes.Count);
    }

    [Fact]
    public async Task A_household_transfer_thanks_each_member_it_pays_for()
    {
        app.SkipIfUnavailable();
        var husband = await new MemberBuilder().CreateAsync(app);
        var wife = await new MemberBuilder().WithEmail("").CreateAsync(app);
        var i1 = await app.InvoiceAsync(husband, 2026, 5_000);
        var i2 = await app.InvoiceAsync(wife, 2026, 3_000);
        var posted = await app.PostAsync(CollectionTestKit.Cash(husband.Id, new DateOnly(2026, 11, 21), 8_000, (i1.Id, 5_000), (i2.Id, 3_000)));
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));

        var his = Assert.Single(await NotesAsync(husband.Id));
        var hers = Assert.Single(await NotesAsync(wife.Id));
        Assert.Equal((posted.PaymentId, 5_000L, ThankYouChannel.Email), (his.PaymentId, his.Amount.Value, his.Channel));
        Assert.Equal((posted.PaymentId, 3_000L, ThankYouChannel.Letter), (hers.PaymentId, hers.Amount.Value, hers.Channel));
    }

    [Fact]
    public async Task A_batch_of_payments_in_one_save_each_get_their_note()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        // 600: past the 500 rows at which queries are chunked and the audit rows go through the bulk writer.
        var ids = await app.WithDbAsync(async db =>
        {
            var payments = Enumerable.Range(0, 600).Select(i => new Payment
            {
                MemberId = member.Id, ReceivedOn = new DateOnly(2026, 11, 1), Amount = new Yen(1_000 + i), Method = PaymentMethod.BankTransfer,
                CreatedAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), CreatedByName = "一括",
                Allocations = [new PaymentAllocation { Kind = AllocationKind.Donation, MemberId = member.Id, Amount = new Yen(1_000 + i) }],
            }).ToList();
            db.Payments.AddRange(payments);
            await db.SaveChangesAsync();
            return payments.Select(p => p.Id).ToHashSet();
        });
        var notes = await NotesAsync(member.Id);
        Assert.Equal(600, notes.Count);
        Assert.True(notes.All(n => n.PaymentId is { } id && ids.Contains(id)));
        Assert.Equal(600, notes.Select(n => n.PaymentId).Distinct().Count());
    }
}

public class ThankYouCreationSqliteTests(MemberHubFactory app) : ThankYouCreationTests(app), IClassFixture<MemberHubFactory>;

public class ThankYouCreationPostgresTests(PostgresMemberHubFactory app) : ThankYouCreationTests(app), IClassFixture<PostgresMemberHubFactory>;
