using System.Text.Json;
using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Identity;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Members;

/// <summary>What the staff's member form posts. Dates are text so a wrong one gets a Japanese message, not a binding error.</summary>
public sealed class MemberForm
{
    public MemberKind Kind { get; set; }
    public string? Name { get; set; }
    public string? NameKana { get; set; }
    public string? ContactPersonName { get; set; }
    public string? ContactPersonKana { get; set; }
    public long MemberClassId { get; set; }
    public int Units { get; set; } = 1;
    /// <summary>Only on create (入会手続中 or 在籍); later changes go through the status form with a date and reason.</summary>
    public MemberStatus InitialStatus { get; set; } = MemberStatus.Active;
    public string? JoinedOn { get; set; }
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? Building { get; set; }
    public string? Phone { get; set; }
    public string? MobilePhone { get; set; }
    public string? Email { get; set; }
    public string? Birthday { get; set; }
    public ContactChannel? PreferredChannel { get; set; }
    public string? BestTimeToCall { get; set; }
    public bool RefusesPhone { get; set; }
    public bool RefusesEmail { get; set; }
    public bool RefusesPost { get; set; }
    public bool NoNewsletters { get; set; }
    public string? AssignedStaffUserId { get; set; }
    public string? Hobbies { get; set; }
    public string? Likes { get; set; }
    public string? Dislikes { get; set; }
    public List<Weekdays> DaysOff { get; set; } = [];
    public string? FamilyNotes { get; set; }
    public string? Notes { get; set; }
    public bool ConsentToBeNamed { get; set; }
    public bool ConsentToBePhotographed { get; set; }
    /// <summary>会費免除: left out of billing runs; the reason is required.</summary>
    public bool DuesExempt { get; set; }
    public string? DuesExemptReason { get; set; }

    /// <summary>The member's version when the form was opened; a different one in the database means someone else saved.</summary>
    public int Version { get; set; }

    /// <summary>The values as they were when the form was opened, so a refused save can say what the other person changed.</summary>
    public string? Original { get; set; }

    public static MemberForm From(Member m) => new()
    {
        Kind = m.Kind, Name = m.Name, NameKana = m.NameKana, ContactPersonName = m.ContactPersonName, ContactPersonKana = m.ContactPersonKana,
        MemberClassId = m.MemberClassId, Units = m.Units, InitialStatus = m.Status, JoinedOn = DateInput.ToInput(m.JoinedOn),
        PostalCode = m.PostalCode, Prefecture = m.Prefecture, City = m.City, Street = m.Street, Building = m.Building,
        Phone = m.Phone, MobilePhone = m.MobilePhone, Email = m.Email, Birthday = DateInput.ToInput(m.Birthday),
        PreferredChannel = m.PreferredChannel, BestTimeToCall = m.BestTimeToCall,
        RefusesPhone = m.RefusesPhone, RefusesEmail = m.RefusesEmail, RefusesPost = m.RefusesPost, NoNewsletters = m.NoNewsletters,
        AssignedStaffUserId = m.AssignedStaffUserId, Hobbies = m.Hobbies, Likes = m.Likes, Dislikes = m.Dislikes,
        DaysOff = MemberLabels.Days.Select(d => d.Day).Where(d => m.DaysOff.HasFlag(d)).ToList(),
        FamilyNotes = m.FamilyNotes, Notes = m.Notes, ConsentToBeNamed = m.ConsentToBeNamed, ConsentToBePhotographed = m.ConsentToBePhotographed,
        DuesExempt = m.DuesExempt, DuesExemptReason = m.DuesExemptReason,
        Version = m.Version,
    };

    public string Snapshot() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(WithoutOriginal()));

    private MemberForm WithoutOriginal()
    {
        var copy = (MemberForm)MemberwiseClone();
        copy.Original = null;
        return copy;
    }

    public static MemberForm? FromSnapshot(string? snapshot)
    {
        if (string.IsNullOrEmpty(snapshot)) return null;
        try { return JsonSerializer.Deserialize<MemberForm>(Convert.FromBase64String(snapshot)); }
        catch (Exception e) when (e is FormatException or JsonException) { return null; }
    }

    /// <summary>Tidies what was typed into the stored form: katakana furigana, 123-4567, 03-1234-5678.</summary>
    public void Tidy()
    {
        Name = MemberInput.Text(Name);
        NameKana = MemberInput.Kana(NameKana);
        ContactPersonName = MemberInput.Text(ContactPersonName);
        ContactPersonKana = MemberInput.Kana(ContactPersonKana);
        PostalCode = MemberInput.Postal(PostalCode);
        Prefecture = MemberInput.Text(Prefecture);
        City = MemberInput.Text(City);
        Street = MemberInput.Text(Street);
        Building = MemberInput.Text(Building);
        Phone = MemberInput.Phone(Phone);
        MobilePhone = MemberInput.Phone(MobilePhone);
        Email = MemberInput.Email(Email);
        BestTimeToCall = MemberInput.Text(BestTimeToCall);
        AssignedStaffUserId = MemberInput.Text(AssignedStaffUserId);
        Hobbies = MemberInput.Text(Hobbies);
        Likes = MemberInput.Text(Likes);
        Dislikes = MemberInput.Text(Dislikes);
        FamilyNotes = MemberInput.Text(FamilyNotes);
        Notes = MemberInput.Text(Notes);
        DuesExemptReason = DuesExempt ? MemberInput.Text(DuesExemptReason) : null;
        if (Kind == MemberKind.Individual)
        {
            ContactPersonName = null;
            ContactPersonKana = null;
        }
    }
}

public sealed class MemberFormValidator : AbstractValidator<MemberForm>
{
    public MemberFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage(f => f.Kind == MemberKind.Organisation ? "団体名を入力してください。" : "氏名を入力してください。").Max(200);
        RuleFor(f => f.NameKana).NotEmpty().WithMessage("フリガナを入力してください（振込名義の照合に使います）。").Katakana().Max(200);
        RuleFor(f => f.ContactPersonName).NotEmpty().When(f => f.Kind == MemberKind.Organisation).WithMessage("団体の場合は担当者名を入力してください。").Max(200);
        RuleFor(f => f.ContactPersonKana).Katakana().Max(200);
        RuleFor(f => f.MemberClassId).GreaterThan(0).WithMessage("会員種別を選んでください。");
        RuleFor(f => f.Units).InclusiveBetween(1, 999).WithMessage("口数は1以上の数で入力してください。");
        RuleFor(f => f.InitialStatus).IsInEnum().WithMessage("状態を選んでください。");
        RuleFor(f => f.JoinedOn).NotEmpty().WithMessage("入会日を入力してください。").DateFormat();
        RuleFor(f => f.PostalCode).PostalCodeFormat();
        RuleFor(f => f.Prefecture).KnownPrefecture();
        RuleFor(f => f.City).Max(100);
        RuleFor(f => f.Street).Max(200);
        RuleFor(f => f.Building).Max(200);
        RuleFor(f => f.Phone).PhoneFormat();
        RuleFor(f => f.MobilePhone).PhoneFormat();
        RuleFor(f => f.Email).EmailFormat().Max(254);
        RuleFor(f => f.Birthday).DateFormat()
            .Must(v => DateInput.TryParse(v) is not { } d || d <= JapanTime.Today(clock)).WithMessage("生年月日が未来の日付になっています。")
            .Must(v => DateInput.TryParse(v) is not { } d || d.Year >= 1900).WithMessage("生年月日を確認してください。");
        RuleFor(f => f.PreferredChannel).IsInEnum().WithMessage("連絡方法を選んでください。");
        RuleFor(f => f.BestTimeToCall).Max(200);
        RuleFor(f => f.Hobbies).Max(1000);
        RuleFor(f => f.Likes).Max(1000);
        RuleFor(f => f.Dislikes).Max(1000);
        RuleFor(f => f.FamilyNotes).Max(2000);
        RuleFor(f => f.Notes).Max(4000);
        RuleFor(f => f.DuesExemptReason).NotEmpty().When(f => f.DuesExempt).WithMessage("会費を免除する理由を入力してください（例：名誉会員）。").Max(200);
    }
}

public enum SaveOutcome { Saved, Invalid, Conflict, NotFound }

public sealed record ConflictField(string Label, string Theirs, string Yours);

public sealed record SaveResult(
    SaveOutcome Outcome,
    long MemberId = 0,
    IReadOnlyList<(string Field, string Message)>? Errors = null,
    IReadOnlyList<ConflictField>? Conflicts = null,
    string? ConflictBy = null,
    MemberForm? Current = null);

public sealed record FormOptions(IReadOnlyList<MemberClassOption> Classes, IReadOnlyList<IdText> Staff);

public sealed record MemberClassOption(long Id, string Name, Yen AnnualFeePerUnit, int DefaultUnits);

public sealed record IdText(string Id, string Text);

/// <summary>Creates and edits members from the staff form, refusing a save made over someone else's.</summary>
public sealed class SaveMemberHandler(MemberHubDbContext db, IValidator<MemberForm> validator, TimeProvider clock)
{
    public async Task<MemberForm> NewFormAsync()
    {
        var first = await db.MemberClasses.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).FirstOrDefaultAsync();
        return new MemberForm
        {
            MemberClassId = first?.Id ?? 0,
            Units = first?.DefaultUnits ?? 1,
            JoinedOn = DateInput.ToInput(JapanTime.Today(clock)),
        };
    }

    public async Task<MemberForm?> EditFormAsync(long id)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        if (member is null) return null;
        var form = MemberForm.From(member);
        form.Original = form.Snapshot();
        return form;
    }

    public async Task<FormOptions> OptionsAsync(long currentClassId = 0)
    {
        var classes = await db.MemberClasses.AsNoTracking()
            .Where(c => c.IsActive || c.Id == currentClassId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new MemberClassOption(c.Id, c.Name, c.AnnualFeePerUnit, c.DefaultUnits)).ToListAsync();
        var staffRoles = new[] { Roles.Admin, Roles.Staff };
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staffRoles.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new IdText(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName)).ToListAsync();
        return new FormOptions(classes, staff);
    }

    public async Task<SaveResult> CreateAsync(MemberForm form)
    {
        form.Tidy();
        var errors = await ValidateAsync(form);
        if (errors.Count > 0) return new SaveResult(SaveOutcome.Invalid, Errors: errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var member = new Member
        {
            Status = form.InitialStatus is MemberStatus.Applying ? MemberStatus.Applying : MemberStatus.Active,
            StatusChangedOn = JapanTime.Today(clock),
            CreatedAt = now,
        };
        Apply(form, member, now);
        member.MemberNumber = await MemberNumberAllocator.ReserveAsync(db);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return new SaveResult(SaveOutcome.Saved, member.Id);
    }

    public async Task<SaveResult> UpdateAsync(long id, MemberForm form)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id);
        if (member is null) return new SaveResult(SaveOutcome.NotFound);
        form.Tidy();
        if (member.Version != form.Version) return await ConflictAsync(member, form);

        var errors = await ValidateAsync(form);
        if (errors.Count > 0) return new SaveResult(SaveOutcome.Invalid, id, errors);

        Apply(form, member, clock.GetUtcNow().UtcDateTime);
        member.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the same refusal, with their values.
            db.ChangeTracker.Clear();
            var fresh = await db.Members.AsNoTracking().SingleAsync(m => m.Id == id);
            return await ConflictAsync(fresh, form);
        }
        return new SaveResult(SaveOutcome.Saved, id);
    }

    private async Task<List<(string, string)>> ValidateAsync(MemberForm form)
    {
        var result = await validator.ValidateAsync(form);
        var errors = result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        if (form.MemberClassId > 0 && !await db.MemberClasses.AnyAsync(c => c.Id == form.MemberClassId))
            errors.Add((nameof(MemberForm.MemberClassId), "会員種別を選んでください。"));
        if (form.AssignedStaffUserId is { } staffId && !await db.Users.AnyAsync(u => u.Id == staffId))
            errors.Add((nameof(MemberForm.AssignedStaffUserId), "担当者を一覧から選んでください。"));
        return errors;
    }

    private static void Apply(MemberForm f, Member m, DateTime now)
    {
        m.Kind = f.Kind;
        m.Name = f.Name!;
        m.NameKana = f.NameKana!;
        m.ContactPersonName = f.ContactPersonName;
        m.ContactPersonKana = f.ContactPersonKana;
        m.MemberClassId = f.MemberClassId;
        m.Units = f.Units;
        m.JoinedOn = DateInput.TryParse(f.JoinedOn)!.Value;
        m.PostalCode = f.PostalCode;
        m.Prefecture = f.Prefecture;
        m.City = f.City;
        m.Street = f.Street;
        m.Building = f.Building;
        m.Phone = f.Phone;
        m.MobilePhone = f.MobilePhone;
        m.Email = f.Email;
        m.Birthday = DateInput.TryParse(f.Birthday);
        m.PreferredChannel = f.PreferredChannel;
        m.BestTimeToCall = f.BestTimeToCall;
        m.RefusesPhone = f.RefusesPhone;
        m.RefusesEmail = f.RefusesEmail;
        m.RefusesPost = f.RefusesPost;
        m.NoNewsletters = f.NoNewsletters;
        m.AssignedStaffUserId = f.AssignedStaffUserId;
        m.Hobbies = f.Hobbies;
        m.Likes = f.Likes;
        m.Dislikes = f.Dislikes;
        m.DaysOff = f.DaysOff.Aggregate(Weekdays.None, (a, d) => a | d);
        m.FamilyNotes = f.FamilyNotes;
        m.Notes = f.Notes;
        m.ConsentToBeNamed = f.ConsentToBeNamed;
        m.ConsentToBePhotographed = f.ConsentToBePhotographed;
        m.DuesExempt = f.DuesExempt;
        m.DuesExemptReason = f.DuesExempt ? f.DuesExemptReason : null;
        m.UpdatedAt = now;
    }

    /// <summary>
    /// Lists each field the other person changed since this form was opened: its label, their value and
    /// what this user typed. The user's input is kept; the form now carries the current version, so saving
    /// again (after looking) is a deliberate choice.
    /// </summary>
    private async Task<SaveResult> ConflictAsync(Member current, MemberForm yours)
    {
        var theirs = MemberForm.From(current);
        var original = MemberForm.FromSnapshot(yours.Original);
        // The edit form does not carry the status (it has its own page), so "yours" is what this user saw.
        yours.InitialStatus = original?.InitialStatus ?? theirs.InitialStatus;
        var classNames = await db.MemberClasses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        var staffNames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var fields = MemberFormFields.Describe(classNames, staffNames);
        var conflicts = fields
            .Where(f => original is null ? f.Value(theirs) != f.Value(yours) : f.Value(original) != f.Value(theirs))
            .Select(f => new ConflictField(f.Label, Show(f.Value(theirs)), Show(f.Value(yours))))
            .ToList();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.MemberId == current.Id && a.EntityType == nameof(Member))
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.UserName, a.OccurredAt }).FirstOrDefaultAsync();
        var by = last is null ? null : $"{last.UserName}さん（{JapaneseFormat.Instant(last.OccurredAt)}）";
        var refreshed = MemberForm.From(current);
        yours.Version = current.Version;
        yours.Original = refreshed.Snapshot();
        return new SaveResult(SaveOutcome.Conflict, current.Id, Conflicts: conflicts, ConflictBy: by, Current: yours);
    }

    private static string Show(string value) => value.Length == 0 ? "（空欄）" : value;
}

/// <summary>The member form's fields with their Japanese labels and how each value reads on screen.</summary>
public static class MemberFormFields
{
    public sealed record Field(string Label, Func<MemberForm, string> Value);

    private static string YesNo(bool b) => b ? "はい" : "いいえ";

    public static IReadOnlyList<Field> Describe(IReadOnlyDictionary<long, string> classNames, IReadOnlyDictionary<string, string> staffNames) =>
    [
        new("個人・団体", f => MemberLabels.Of(f.Kind)),
        new("氏名・団体名", f => f.Name ?? ""),
        new("フリガナ", f => f.NameKana ?? ""),
        new("担当者名", f => f.ContactPersonName ?? ""),
        new("担当者フリガナ", f => f.ContactPersonKana ?? ""),
        new("会員種別", f => classNames.TryGetValue(f.MemberClassId, out var n) ? n : ""),
        new("口数", f => f.Units.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("状態", f => MemberLabels.Of(f.InitialStatus)),
        new("入会日", f => JapaneseFormat.Date(DateInput.TryParse(f.JoinedOn))),
        new("郵便番号", f => f.PostalCode ?? ""),
        new("都道府県", f => f.Prefecture ?? ""),
        new("市区町村", f => f.City ?? ""),
        new("番地", f => f.Street ?? ""),
        new("建物名", f => f.Building ?? ""),
        new("電話", f => f.Phone ?? ""),
        new("携帯電話", f => f.MobilePhone ?? ""),
        new("メール", f => f.Email ?? ""),
        new("生年月日", f => JapaneseFormat.Date(DateInput.TryParse(f.Birthday))),
        new("希望する連絡方法", f => f.PreferredChannel is { } c ? MemberLabels.Of(c) : ""),
        new("電話に都合のよい時間", f => f.BestTimeToCall ?? ""),
        new("電話連絡を希望しない", f => YesNo(f.RefusesPhone)),
        new("メール連絡を希望しない", f => YesNo(f.RefusesEmail)),
        new("郵送を希望しない", f => YesNo(f.RefusesPost)),
        new("会報を希望しない", f => YesNo(f.NoNewsletters)),
        new("担当者（事務局）", f => f.AssignedStaffUserId is { } id && staffNames.TryGetValue(id, out var n) ? n : ""),
        new("趣味", f => f.Hobbies ?? ""),
        new("好きなもの", f => f.Likes ?? ""),
        new("苦手なもの", f => f.Dislikes ?? ""),
        new("休みの曜日", f => MemberLabels.Of(f.DaysOff.Aggregate(Weekdays.None, (a, d) => a | d))),
        new("家族のこと", f => f.FamilyNotes ?? ""),
        new("メモ", f => f.Notes ?? ""),
        new("会報での氏名掲載", f => YesNo(f.ConsentToBeNamed)),
        new("会報での写真掲載", f => YesNo(f.ConsentToBePhotographed)),
        new("会費免除", f => YesNo(f.DuesExempt)),
        new("会費免除の理由", f => f.DuesExemptReason ?? ""),
    ];
}
