using FluentValidation;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.People;

/// <summary>What a person can help with and when: the same form for staff (a member's page) and for the volunteer (マイページ).</summary>
public sealed class ProfileForm
{
    public List<Availability> Slots { get; set; } = [];
    public int? MaxRequestsPerMonth { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Note { get; set; }
    public List<SkillInput> Skills { get; set; } = [];
    public int Version { get; set; }

    public Availability Availability => Slots.Aggregate(Availability.None, (a, s) => a | s);
}

public sealed class SkillInput
{
    public long AreaId { get; set; }
    public bool Selected { get; set; }
    public SkillLevel Level { get; set; }
    public string? Note { get; set; }
}

public sealed class ProfileFormValidator : AbstractValidator<ProfileForm>
{
    public ProfileFormValidator()
    {
        RuleFor(f => f.MaxRequestsPerMonth).InclusiveBetween(0, 31).WithMessage("月の上限は0〜31件で入力してください。");
        RuleFor(f => f.Note).MaximumLength(1000).WithMessage("メモは1000文字以内で入力してください。");
        RuleForEach(f => f.Slots).IsInEnum().WithMessage("時間帯を選び直してください。");
        RuleForEach(f => f.Skills).ChildRules(s =>
        {
            s.RuleFor(x => x.Level).IsInEnum().WithMessage("レベルを選び直してください。");
            s.RuleFor(x => x.Note).MaximumLength(200).WithMessage("分野のメモは200文字以内で入力してください。");
        });
    }
}

public sealed record AreaChoice(long Id, string Group, string Name);
public sealed record AbsenceRow(long Id, DateOnly From, DateOnly To, string? Note);
public sealed record ProfileView(long MemberId, string MemberName, ProfileForm Form, IReadOnlyList<AreaChoice> Areas, IReadOnlyList<AbsenceRow> Absences, bool Exists);

public enum ProfileSaveOutcome { Saved, Invalid, Stale, NotFound }

/// <summary>Reads and saves a member's volunteer profile, skills and away periods. The caller decides whose (staff: any member; マイページ: only the own).</summary>
public sealed class VolunteerProfileHandler(MemberHubDbContext db, IValidator<ProfileForm> validator, TimeProvider clock)
{
    public async Task<ProfileView?> LoadAsync(long memberId)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync();
        if (member is null) return null;
        var profile = await db.VolunteerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId);
        var skills = await db.VolunteerSkills.AsNoTracking().Where(s => s.MemberId == memberId).ToListAsync();
        var areas = await AreasAsync(skills.Select(s => s.AreaId).ToHashSet());
        var form = new ProfileForm
        {
            Slots = VolunteerLabels.Slots.Select(s => s.Slot).Where(s => profile?.Availability.HasFlag(s) == true).ToList(),
            MaxRequestsPerMonth = profile?.MaxRequestsPerMonth,
            IsActive = profile?.IsActive ?? true,
            Note = profile?.Note,
            Version = profile?.Version ?? 0,
            Skills = areas.Select(a => skills.FirstOrDefault(s => s.AreaId == a.Id) is { } s
                ? new SkillInput { AreaId = a.Id, Selected = true, Level = s.Level, Note = s.Note }
                : new SkillInput { AreaId = a.Id }).ToList(),
        };
        var absences = await AbsencesAsync(memberId);
        return new ProfileView(member.Id, member.Name, form, areas, absences, profile is not null);
    }

    /// <summary>The form as posted, with the area names to show it again after an error.</summary>
    public async Task<ProfileView?> ReloadAsync(long memberId, ProfileForm posted)
    {
        var view = await LoadAsync(memberId);
        if (view is null) return null;
        var byArea = posted.Skills.ToDictionary(s => s.AreaId, s => s);
        posted.Skills = view.Areas.Select(a => byArea.GetValueOrDefault(a.Id) ?? new SkillInput { AreaId = a.Id }).ToList();
        return view with { Form = posted };
    }

    private async Task<List<AreaChoice>> AreasAsync(HashSet<long> held) =>
        (await db.VolunteerAreas.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.GroupName, a.Name, a.IsRetired }).ToListAsync())
        .Where(a => !a.IsRetired || held.Contains(a.Id))
        .Select(a => new AreaChoice(a.Id, a.GroupName, a.Name)).ToList();

    private async Task<List<AbsenceRow>> AbsencesAsync(long memberId)
    {
        var today = JapanTime.Today(clock);
        return await db.VolunteerAbsences.AsNoTracking().Where(a => a.MemberId == memberId && a.To >= today)
            .OrderBy(a => a.From).Select(a => new AbsenceRow(a.Id, a.From, a.To, a.Note)).ToListAsync();
    }

    public async Task<(ProfileSaveOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)> SaveAsync(long memberId, ProfileForm form)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId)) return (ProfileSaveOutcome.NotFound, []);
        form.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        foreach (var s in form.Skills) s.Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim();
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid) return (ProfileSaveOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        var profile = await db.VolunteerProfiles.FirstOrDefaultAsync(p => p.MemberId == memberId);
        if (profile is null)
        {
            profile = new VolunteerProfile { MemberId = memberId };
            db.VolunteerProfiles.Add(profile);
        }
        else if (profile.Version != form.Version)
        {
            return (ProfileSaveOutcome.Stale, []);
        }
        profile.Availability = form.Availability;
        profile.MaxRequestsPerMonth = form.MaxRequestsPerMonth;
        profile.IsActive = form.IsActive;
        profile.Note = form.Note;
        profile.Version++;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        var validAreas = (await db.VolunteerAreas.Select(a => a.Id).ToListAsync()).ToHashSet();
        var wanted = form.Skills.Where(s => s.Selected && validAreas.Contains(s.AreaId)).GroupBy(s => s.AreaId).ToDictionary(g => g.Key, g => g.First());
        var existing = await db.VolunteerSkills.Where(s => s.MemberId == memberId).ToListAsync();
        foreach (var skill in existing)
        {
            if (wanted.Remove(skill.AreaId, out var input))
            {
                skill.Level = input.Level;
                skill.Note = input.Note;
            }
            else db.VolunteerSkills.Remove(skill);
        }
        foreach (var input in wanted.Values)
            db.VolunteerSkills.Add(new VolunteerSkill { MemberId = memberId, AreaId = input.AreaId, Level = input.Level, Note = input.Note });

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return (ProfileSaveOutcome.Stale, []);
        }
        return (ProfileSaveOutcome.Saved, []);
    }

    public async Task<string?> AddAbsenceAsync(long memberId, string? from, string? to, string? note)
    {
        var f = DateInput.TryParse(from);
        var t = DateInput.TryParse(to) ?? f;
        if (f is null || t is null) return "不在の期間を日付で入力してください。";
        if (t < f) return "終わりの日は始まりの日以降にしてください。";
        if (t.Value.DayNumber - f.Value.DayNumber > 366 * 2) return "不在の期間は2年以内で入力してください。";
        if (note?.Trim() is { Length: > 200 }) return "メモは200文字以内で入力してください。";
        if (!await db.Members.AnyAsync(m => m.Id == memberId)) return "会員が見つかりません。";
        db.VolunteerAbsences.Add(new VolunteerAbsence { MemberId = memberId, From = f.Value, To = t.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> RemoveAbsenceAsync(long memberId, long absenceId)
    {
        var absence = await db.VolunteerAbsences.FirstOrDefaultAsync(a => a.Id == absenceId && a.MemberId == memberId);
        if (absence is null) return "不在の期間が見つかりません。";
        db.VolunteerAbsences.Remove(absence);
        await db.SaveChangesAsync();
        return null;
    }
}
