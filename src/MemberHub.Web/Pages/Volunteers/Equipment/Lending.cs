using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.Equipment;

public sealed record ItemRow(long Id, string Name, string? Code, string? Note, bool IsRetired, CurrentLoan? Loan);
public sealed record CurrentLoan(long LoanId, long MemberId, int MemberNumber, string MemberName, DateOnly LentOn, DateOnly DueOn, bool Overdue);
public sealed record LoanHistoryRow(long LoanId, long MemberId, int MemberNumber, string MemberName, DateOnly LentOn, DateOnly DueOn, DateOnly? ReturnedOn, string? Note);
public sealed record ItemView(ItemRow Item, IReadOnlyList<LoanHistoryRow> History);

/// <summary>貸出: the items, who has what since and until when, what is overdue, and each item's history.</summary>
public sealed class LendingHandler(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<List<ItemRow>> ItemsAsync()
    {
        var today = JapanTime.Today(clock);
        var items = await db.EquipmentItems.AsNoTracking().OrderBy(i => i.IsRetired).ThenBy(i => i.Name).ThenBy(i => i.Id).ToListAsync();
        var open = await OpenLoansAsync(today);
        return items.Select(i => new ItemRow(i.Id, i.Name, i.Code, i.Note, i.IsRetired, open.GetValueOrDefault(i.Id))).ToList();
    }

    private async Task<Dictionary<long, CurrentLoan>> OpenLoansAsync(DateOnly today) =>
        (await db.EquipmentLoans.AsNoTracking().Where(l => l.ReturnedOn == null)
            .Join(db.Members, l => l.MemberId, m => m.Id, (l, m) => new { l.Id, l.ItemId, l.MemberId, m.MemberNumber, m.Name, l.LentOn, l.DueOn })
            .ToListAsync())
        .ToDictionary(l => l.ItemId, l => new CurrentLoan(l.Id, l.MemberId, l.MemberNumber, l.Name, l.LentOn, l.DueOn, l.DueOn < today));

    public async Task<ItemView?> ItemAsync(long id)
    {
        var today = JapanTime.Today(clock);
        var item = await db.EquipmentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return null;
        var open = await OpenLoansAsync(today);
        var history = await db.EquipmentLoans.AsNoTracking().Where(l => l.ItemId == id)
            .Join(db.Members, l => l.MemberId, m => m.Id, (l, m) => new LoanHistoryRow(l.Id, m.Id, m.MemberNumber, m.Name, l.LentOn, l.DueOn, l.ReturnedOn, l.Note))
            .ToListAsync();
        return new ItemView(new ItemRow(item.Id, item.Name, item.Code, item.Note, item.IsRetired, open.GetValueOrDefault(id)),
            history.OrderByDescending(h => h.LentOn).ThenByDescending(h => h.LoanId).ToList());
    }

    public async Task<string?> AddItemAsync(string? name, string? code, string? note)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return "備品の名前を入力してください。";
        if (name.Length > 100 || code?.Trim().Length > 50 || note?.Trim().Length > 1000) return "入力が長すぎます（名前100文字・番号50文字・メモ1000文字まで）。";
        db.EquipmentItems.Add(new EquipmentItem { Name = name, Code = Blank(code), Note = Blank(note) });
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> RetireAsync(long id, bool retired)
    {
        var item = await db.EquipmentItems.FirstOrDefaultAsync(i => i.Id == id);
        if (item is null) return "備品が見つかりません。";
        if (retired && await db.EquipmentLoans.AnyAsync(l => l.ItemId == id && l.ReturnedOn == null)) return "貸出中の備品は廃棄にできません。先に返却を記録してください。";
        item.IsRetired = retired;
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>Lends an item to a member (by member number). An item out on loan cannot be lent again until it is back.</summary>
    public async Task<string?> LendAsync(long itemId, int memberNumber, string? lentOn, string? dueOn, string? note)
    {
        var today = JapanTime.Today(clock);
        var item = await db.EquipmentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId);
        if (item is null) return "備品が見つかりません。";
        if (item.IsRetired) return "廃棄済みの備品は貸し出せません。";
        var member = await db.Members.AsNoTracking().Where(m => m.MemberNumber == memberNumber).Select(m => new { m.Id, m.IsArchived }).FirstOrDefaultAsync();
        if (member is null) return $"会員番号 {memberNumber} の会員が見つかりません。";
        var from = string.IsNullOrWhiteSpace(lentOn) ? today : DateInput.TryParse(lentOn);
        var due = DateInput.TryParse(dueOn);
        if (from is null || due is null) return "貸出日と返却予定日を日付で入力してください。";
        if (due < from) return "返却予定日は貸出日以降にしてください。";
        if (note?.Trim().Length > 500) return "メモは500文字以内で入力してください。";
        if (await db.EquipmentLoans.AnyAsync(l => l.ItemId == itemId && l.ReturnedOn == null)) return "この備品は貸出中です。返却を記録してから貸し出してください。";
        db.EquipmentLoans.Add(new EquipmentLoan { ItemId = itemId, MemberId = member.Id, LentOn = from.Value, DueOn = due.Value, Note = Blank(note) });
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> ReturnAsync(long loanId, string? returnedOn)
    {
        var loan = await db.EquipmentLoans.FirstOrDefaultAsync(l => l.Id == loanId);
        if (loan is null) return "貸出の記録が見つかりません。";
        if (loan.ReturnedOn is not null) return "すでに返却済みです。";
        var on = string.IsNullOrWhiteSpace(returnedOn) ? JapanTime.Today(clock) : DateInput.TryParse(returnedOn);
        if (on is null) return "返却日を日付で入力してください。";
        if (on < loan.LentOn) return "返却日は貸出日以降にしてください。";
        loan.ReturnedOn = on;
        await db.SaveChangesAsync();
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
