using System.Globalization;
using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.Requests;

public sealed class RequestForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Place { get; set; }
    /// <summary>"fixed" for a day (and times), "flexible" for a period.</summary>
    public string Timing { get; set; } = "fixed";
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? PeriodFrom { get; set; }
    public string? PeriodTo { get; set; }
    public int PeopleNeeded { get; set; } = 1;
    public bool IsLectureDispatch { get; set; }
    public string? OutsideBody { get; set; }
    public List<long> AreaIds { get; set; } = [];
    public VolunteerRequestStatus Status { get; set; }
    public int Version { get; set; }

    public bool IsFlexible => Timing == "flexible";

    public static RequestForm From(VolunteerRequest r) => new()
    {
        Title = r.Title, Description = r.Description, Place = r.Place,
        Timing = r.Date is null ? "flexible" : "fixed",
        Date = DateInput.ToInput(r.Date), StartTime = r.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = r.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        PeriodFrom = DateInput.ToInput(r.PeriodFrom), PeriodTo = DateInput.ToInput(r.PeriodTo),
        PeopleNeeded = r.PeopleNeeded, IsLectureDispatch = r.IsLectureDispatch, OutsideBody = r.OutsideBody,
        AreaIds = r.Areas.Select(a => a.AreaId).ToList(), Status = r.Status, Version = r.Version,
    };

    public static TimeOnly? Time(string? s) =>
        TimeOnly.TryParseExact(s?.Normalize(System.Text.NormalizationForm.FormKC).Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}

public sealed class RequestFormValidator : AbstractValidator<RequestForm>
{
    public RequestFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("件名を入力してください。").MaximumLength(200).WithMessage("件名は200文字以内で入力してください。");
        RuleFor(f => f.Description).MaximumLength(4000).WithMessage("内容は4000文字以内で入力してください。");
        RuleFor(f => f.Place).MaximumLength(200).WithMessage("場所は200文字以内で入力してください。");
        RuleFor(f => f.OutsideBody).MaximumLength(200).WithMessage("派遣先は200文字以内で入力してください。");
        RuleFor(f => f.PeopleNeeded).InclusiveBetween(1, 500).WithMessage("人数は1〜500人で入力してください。");
        RuleFor(f => f.Status).IsInEnum().WithMessage("状態を選んでください。");
        RuleFor(f => f.Timing).Must(t => t is "fixed" or "flexible").WithMessage("日時の決め方を選んでください。");
        When(f => !f.IsFlexible, () =>
        {
            RuleFor(f => f.Date).Must(d => DateInput.TryParse(d) is not null).WithMessage("日付を入力してください（例：2026/12/05）。");
            RuleFor(f => f.StartTime).Must(t => string.IsNullOrWhiteSpace(t) || RequestForm.Time(t) is not null).WithMessage("開始時刻は 10:00 のように入力してください。");
            RuleFor(f => f.EndTime).Must(t => string.IsNullOrWhiteSpace(t) || RequestForm.Time(t) is not null).WithMessage("終了時刻は 15:00 のように入力してください。")
                .Must((f, t) => RequestForm.Time(t) is not { } end || RequestForm.Time(f.StartTime) is not { } start || end > start)
                .WithMessage("終了時刻は開始時刻より後にしてください。")
                .Must((f, t) => string.IsNullOrWhiteSpace(t) || !string.IsNullOrWhiteSpace(f.StartTime)).WithMessage("終了時刻だけでなく開始時刻も入力してください。");
        });
        When(f => f.IsFlexible, () =>
        {
            RuleFor(f => f.PeriodFrom).Must(d => DateInput.TryParse(d) is not null).WithMessage("期間の始まりを入力してください。");
            RuleFor(f => f.PeriodTo).Must(d => DateInput.TryParse(d) is not null).WithMessage("期間の終わりを入力してください。")
                .Must((f, d) => DateInput.TryParse(d) is not { } to || DateInput.TryParse(f.PeriodFrom) is not { } from || to >= from)
                .WithMessage("期間の終わりは始まり以降にしてください。");
        });
    }
}

public enum RequestSaveOutcome { Saved, Invalid, Stale, NotFound }

public sealed record AreaOption(long Id, string Group, string Name);

/// <summary>Creates and edits a request for help (募集).</summary>
public sealed class SaveRequestHandler(MemberHubDbContext db, IValidator<RequestForm> validator, IAuditActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<AreaOption>> AreasAsync(IReadOnlyCollection<long> selected) =>
        (await db.VolunteerAreas.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync())
            .Where(a => !a.IsRetired || selected.Contains(a.Id)).Select(a => new AreaOption(a.Id, a.GroupName, a.Name)).ToList();

    public async Task<RequestForm?> LoadAsync(long id) =>
        await db.VolunteerRequests.AsNoTracking().Include(r => r.Areas).FirstOrDefaultAsync(r => r.Id == id) is { } r ? RequestForm.From(r) : null;

    public async Task<(RequestSaveOutcome Outcome, long Id, IReadOnlyList<(string Field, string Message)> Errors)> SaveAsync(long? id, RequestForm form)
    {
        form.Title = form.Title?.Trim();
        form.Place = string.IsNullOrWhiteSpace(form.Place) ? null : form.Place.Trim();
        form.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        form.OutsideBody = form.IsLectureDispatch && !string.IsNullOrWhiteSpace(form.OutsideBody) ? form.OutsideBody.Trim() : null;
        var result = await validator.ValidateAsync(form);
        if (!result.IsValid) return (RequestSaveOutcome.Invalid, id ?? 0, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        VolunteerRequest request;
        if (id is { } existing)
        {
            var found = await db.VolunteerRequests.Include(r => r.Areas).FirstOrDefaultAsync(r => r.Id == existing);
            if (found is null) return (RequestSaveOutcome.NotFound, existing, []);
            if (found.Version != form.Version) return (RequestSaveOutcome.Stale, existing, []);
            request = found;
        }
        else
        {
            request = new VolunteerRequest { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByName = actor.UserName };
            db.VolunteerRequests.Add(request);
        }
        request.Title = form.Title!;
        request.Description = form.Description;
        request.Place = form.Place;
        if (form.IsFlexible)
        {
            request.Date = null; request.StartTime = null; request.EndTime = null;
            request.PeriodFrom = DateInput.TryParse(form.PeriodFrom);
            request.PeriodTo = DateInput.TryParse(form.PeriodTo);
        }
        else
        {
            request.Date = DateInput.TryParse(form.Date);
            request.StartTime = RequestForm.Time(form.StartTime);
            request.EndTime = RequestForm.Time(form.EndTime);
            request.PeriodFrom = null; request.PeriodTo = null;
        }
        request.PeopleNeeded = form.PeopleNeeded;
        request.IsLectureDispatch = form.IsLectureDispatch;
        request.OutsideBody = form.OutsideBody;
        request.Status = form.Status;
        request.Version++;

        var known = (await db.VolunteerAreas.Select(a => a.Id).ToListAsync()).ToHashSet();
        var wanted = form.AreaIds.Where(known.Contains).ToHashSet();
        request.Areas.RemoveAll(a => !wanted.Contains(a.AreaId));
        foreach (var areaId in wanted.Where(a => request.Areas.All(x => x.AreaId != a)))
            request.Areas.Add(new VolunteerRequestArea { AreaId = areaId });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return (RequestSaveOutcome.Stale, request.Id, []);
        }
        return (RequestSaveOutcome.Saved, request.Id, []);
    }
}
