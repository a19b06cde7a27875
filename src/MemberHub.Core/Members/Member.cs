using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Text;

namespace MemberHub.Members;

/// <summary>One entry of the member register (会員名簿). Never hard-deleted: members withdraw or are archived.</summary>
public class Member : IAudited
{
    public long Id { get; set; }

    /// <summary>Assigned once from <see cref="NumberSequence"/>; never reused, also after withdrawal.</summary>
    public int MemberNumber { get; set; }

    public MemberKind Kind { get; set; }

    /// <summary>氏名; for an organisation, the organisation's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>フリガナ in full-width katakana; required because the bank speaks kana.</summary>
    public string NameKana { get; set; } = "";

    public string? ContactPersonName { get; set; }
    public string? ContactPersonKana { get; set; }

    public long MemberClassId { get; set; }
    public MemberClass? MemberClass { get; set; }
    public int Units { get; set; } = 1;

    public MemberStatus Status { get; set; } = MemberStatus.Active;
    public DateOnly StatusChangedOn { get; set; }
    public string? StatusReason { get; set; }
    public DateOnly JoinedOn { get; set; }

    /// <summary>会費免除: not billed by billing runs (e.g. honorary members); the reason is required.</summary>
    public bool DuesExempt { get; set; }
    public string? DuesExemptReason { get; set; }

    /// <summary>Archived members are hidden from the register unless asked for; their history stays.</summary>
    public bool IsArchived { get; set; }

    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? Building { get; set; }

    public string? Phone { get; set; }
    public string? MobilePhone { get; set; }
    public string? Email { get; set; }
    public DateOnly? Birthday { get; set; }

    public ContactChannel? PreferredChannel { get; set; }
    public string? BestTimeToCall { get; set; }
    public bool RefusesPhone { get; set; }
    public bool RefusesEmail { get; set; }
    public bool RefusesPost { get; set; }
    public bool NoNewsletters { get; set; }
    /// <summary>Staff decided to keep writing to this member although long dormant (長期休眠でも送付する).</summary>
    public bool KeepMailingWhenDormant { get; set; }
    public string? AssignedStaffUserId { get; set; }

    public string? Hobbies { get; set; }
    public string? Likes { get; set; }
    public string? Dislikes { get; set; }
    public Weekdays DaysOff { get; set; }
    public string? FamilyNotes { get; set; }
    public string? Notes { get; set; }

    public bool ConsentToBeNamed { get; set; }
    public bool ConsentToBePhotographed { get; set; }

    /// <summary>The sign-in account of a member who volunteers (マイページ).</summary>
    public string? UserId { get; set; }

    /// <summary>Optimistic concurrency: the app increments it on every save, a stale save is refused.</summary>
    public int Version { get; set; }

    /// <summary>Name, furigana, number, phones and e-mail folded by <see cref="KanaNormalizer.ForSearch"/>: one indexed column the search scans.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Furigana without spaces, for sorting in 五十音 order.</summary>
    public string SortKana { get; set; } = "";

    /// <summary>Birthday as month*100+day (1231), so "birthdays this week" is an indexed range, whatever the year of birth.</summary>
    public int? BirthMonthDay { get; set; }

    /// <summary>Joining day as month*100+day, for anniversaries of joining by an indexed range.</summary>
    public int JoinedMonthDay { get; set; }

    /// <summary>Phone digits only (0312345678, +81 folded to 0), so a caller's number is found by an index, not a scan.</summary>
    public string? PhoneDigits { get; set; }

    public string? MobileDigits { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<MemberTag> Tags { get; set; } = [];
    public List<ContactRecord> ContactRecords { get; set; } = [];

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Recomputes the derived search columns; MemberHubDbContext does it on every save of a member.</summary>
    public void RefreshSearchText()
    {
        BirthMonthDay = Birthday is { } b ? MonthDay.Of(b) : null;
        JoinedMonthDay = MonthDay.Of(JoinedOn);
        PhoneDigits = NullIfEmpty(PhoneNumber.Digits(Phone));
        MobileDigits = NullIfEmpty(PhoneNumber.Digits(MobilePhone));
        SortKana = KanaNormalizer.ForSearch(NameKana);
        // Every part is framed by '|' ("|1023|山田太郎|…|0312345678|"), so a search can ask for a whole
        // member number ("%|1023|%") or the end of a phone number ("%5678|%"), not only for a fragment.
        SearchText = "|" + string.Join('|', new[]
        {
            MemberNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            KanaNormalizer.ForSearch(Name),
            SortKana,
            KanaNormalizer.ForSearch(ContactPersonName),
            KanaNormalizer.ForSearch(ContactPersonKana),
            PhoneNumber.Digits(Phone),
            PhoneNumber.Digits(MobilePhone),
            (Email ?? "").Trim().ToLowerInvariant(),
        }.Where(s => s.Length > 0)) + "|";
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    public string Address => string.Join(" ", new[] { Prefecture, City, Street, Building }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
