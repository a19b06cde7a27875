using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>Data for the follow-up tests, written through the app's DbContext (so member figures follow).</summary>
public static class FollowUpTestKit
{
    public static async Task<Member> MemberAsync(this MemberHubFactory app, Action<Member>? change = null, MemberBuilder? builder = null)
    {
        var m = await (builder ?? new MemberBuilder()).CreateAsync(app);
        if (change is null) return m;
        return await app.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(x => x.Id == m.Id);
            change(member);
            await db.SaveChangesAsync();
            return member;
        });
    }

    public static Task<ContactRecord> ContactAsync(this MemberHubFactory app, long memberId, DateOnly on, string summary, DateOnly? followUpBy = null,
        string? staffUserId = null) =>
        app.WithDbAsync(async db =>
        {
            var c = new ContactRecord
            {
                MemberId = memberId, OccurredOn = on, Channel = ContactChannel.Phone, Summary = summary, StaffName = "事務局 花子",
                StaffUserId = staffUserId, FollowUpNeeded = followUpBy is not null, FollowUpBy = followUpBy, CreatedAt = DateTime.UtcNow,
            };
            db.ContactRecords.Add(c);
            await db.SaveChangesAsync();
            return c;
        });

    public static Task<Invoice> OverdueInvoiceAsync(this MemberHubFactory app, long memberId, long classId, int year, Yen total, DateOnly dueOn) =>
        app.WithDbAsync(async db =>
        {
            var seq = await db.Invoices.CountAsync() + 1 + Random.Shared.Next(1000, 90000);
            var i = new Invoice
            {
                InvoiceNumber = Invoice.FormatNumber(year, seq), FiscalYear = year, SequenceNumber = seq, MemberId = memberId, MemberClassId = classId,
                IssuedOn = dueOn.AddDays(-30), DueOn = dueOn, Status = InvoiceStatus.Unpaid, Subtotal = total, Total = total,
                RecipientName = "テスト", CreatedAt = DateTime.UtcNow, CreatedByName = "テスト",
            };
            db.Invoices.Add(i);
            await db.SaveChangesAsync();
            return i;
        });

    public static Task<ThankYouNote> PendingThanksAsync(this MemberHubFactory app, long memberId, Yen amount) =>
        app.WithDbAsync(async db =>
        {
            var t = new ThankYouNote { MemberId = memberId, Kind = ThankYouKind.Donation, Channel = ThankYouChannel.Letter, Status = ThankYouStatus.Pending,
                Amount = amount, ReceivedOn = new DateOnly(2026, 11, 20), CreatedAt = DateTime.UtcNow };
            db.ThankYouNotes.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
}
