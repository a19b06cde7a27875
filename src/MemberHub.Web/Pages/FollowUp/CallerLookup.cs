using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using MemberHub.Text;
using MemberHub.Web.Pages.FollowUp.Tasks;
using MemberHub.Web.Pages.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp;

public sealed record CallerMatch(long Id, int MemberNumber, string Name, string Kana, MemberStatus Status, string? Phone, string? MobilePhone, string? Place);

public sealed record CallerInvoice(long Id, string InvoiceNumber, int FiscalYear, Yen Balance, DateOnly DueOn, bool Overdue);

public sealed record CallerContact(DateOnly OccurredOn, ContactChannel Channel, string StaffName, string Summary, bool FollowUpOpen);

public sealed record CallerDetails(Member Member, string? AssignedStaffName, IReadOnlyList<CallerContact> Contacts, IReadOnlyList<TaskRow> Tasks,
    IReadOnlyList<CallerInvoice> Invoices, Yen Arrears, MemberStats? Stats);

/// <summary>What the caller page shows: a message, a short list, or one caller.</summary>
public sealed record CallerView(string? Phone, string Digits, string? Message, IReadOnlyList<CallerMatch> Matches, CallerDetails? Caller,
    bool CanAct, bool ShowNotes, DateOnly Today);

/// <summary>
/// 着信: who is calling. A full number (10 or 11 digits, in any format) is looked up exactly in the indexed
/// digits columns; a shorter one (the last 4 to 9 digits, or a number without its area code) as the end of a phone number.
/// </summary>
public sealed class CallerQuery(MemberHubDbContext db, TaskListQuery tasks, TimeProvider clock)
{
    public const int MaxMatches = 20;

    public async Task<CallerView> RunAsync(string? phone, long? memberId, string? userId, bool canAct, bool showNotes)
    {
        var today = JapanTime.Today(clock);
        var digits = PhoneNumber.Digits(phone);
        CallerView View(string? message, IReadOnlyList<CallerMatch> matches, CallerDetails? caller) =>
            new(phone, digits, message, matches, caller, canAct, showNotes, today);

        if (memberId is { } id)
        {
            var details = await DetailsAsync(id, userId, showNotes, today);
            return details is null ? View("その会員は見つかりません。", [], null) : View(null, [], details);
        }
        if (string.IsNullOrWhiteSpace(phone)) return View(null, [], null);
        if (digits.Length < 4) return View("電話番号を4桁以上入力してください（ハイフンや全角の数字もそのまま使えます）。", [], null);

        var members = db.Members.AsNoTracking();
        var found = digits.Length >= 10
            ? members.Where(m => m.PhoneDigits == digits || m.MobileDigits == digits)
            : members.Where(m => EF.Functions.Like(m.SearchText, "%" + digits + "|%"));
        var matches = await found.OrderBy(m => m.IsArchived).ThenBy(m => m.Status).ThenBy(m => m.SortKana).Take(MaxMatches)
            .Select(m => new CallerMatch(m.Id, m.MemberNumber, m.Name, m.NameKana, m.Status, m.Phone, m.MobilePhone, m.Prefecture + m.City))
            .ToListAsync();
        if (matches.Count == 0)
            return View($"{PhoneNumber.Tidy(phone)} に当てはまる会員はいません。", [], null);
        if (matches.Count == 1)
            return View(null, matches, await DetailsAsync(matches[0].Id, userId, showNotes, today));
        return View(null, matches, null);
    }

    private async Task<CallerDetails?> DetailsAsync(long id, string? userId, bool showNotes, DateOnly today)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (member is null) return null;
        var staff = member.AssignedStaffUserId is { } sid
            ? await db.Users.Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        var contacts = await db.ContactRecords.AsNoTracking().Where(c => c.MemberId == id)
            .OrderByDescending(c => c.OccurredOn).ThenByDescending(c => c.Id).Take(5)
            .Select(c => new CallerContact(c.OccurredOn, c.Channel, c.StaffName, c.Summary, c.FollowUpNeeded && c.FollowUpDoneAt == null))
            .ToListAsync();
        var invoices = (await db.Invoices.AsNoTracking()
            .Where(i => i.MemberId == id && (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid))
            .OrderBy(i => i.DueOn)
            .Select(i => new { i.Id, i.InvoiceNumber, i.FiscalYear, i.Total, i.PaidAmount, i.DueOn }).ToListAsync())
            .Select(i => new CallerInvoice(i.Id, i.InvoiceNumber, i.FiscalYear, i.Total - i.PaidAmount, i.DueOn, i.DueOn < today))
            .ToList();
        var arrears = invoices.Where(i => i.Overdue).Aggregate(Yen.Zero, (s, i) => s + i.Balance);
        var stats = await db.MemberStats.AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == id);
        if (!showNotes)
        {
            member.Hobbies = member.Likes = member.Dislikes = member.FamilyNotes = member.Notes = null;
            contacts = contacts.Select(c => c with { Summary = "" }).ToList();
        }
        return new CallerDetails(member, staff, contacts, await tasks.OfMemberAsync(id, userId, showNotes), invoices, arrears, stats);
    }
}
