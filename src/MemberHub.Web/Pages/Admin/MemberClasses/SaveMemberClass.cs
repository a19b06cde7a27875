using FluentValidation;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.MemberClasses;

public sealed class MemberClassForm
{
    public string? Name { get; set; }
    /// <summary>Text so "5,000" and "５０００円" are accepted (<see cref="Yen.TryParse"/>).</summary>
    public string? AnnualFeePerUnit { get; set; }
    public int DefaultUnits { get; set; } = 1;
    public bool HasVote { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public TaxClass TaxClass { get; set; } = TaxClass.NonTaxable;
    public JoinRule JoinRule { get; set; } = JoinRule.FullYear;
    /// <summary>For <see cref="JoinRule.HalfAfterMonth"/>: the calendar month (1–12) from which joining pays half.</summary>
    public int? HalfFeeFromMonth { get; set; }
    public int Version { get; set; }
}

public sealed class MemberClassFormValidator : AbstractValidator<MemberClassForm>
{
    public MemberClassFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("名称を入力してください。").MaximumLength(100).WithMessage("名称は100文字以内で入力してください。");
        RuleFor(f => f.AnnualFeePerUnit).NotEmpty().WithMessage("1口あたりの年会費を入力してください。")
            .Must(v => Yen.TryParse(v) is { } y && y.Value >= 0).WithMessage("年会費は 5,000 のように0以上の円単位の金額で入力してください。");
        RuleFor(f => f.DefaultUnits).InclusiveBetween(1, 999).WithMessage("標準の口数は1以上で入力してください。");
        RuleFor(f => f.SortOrder).InclusiveBetween(0, 9999).WithMessage("表示順は0〜9999で入力してください。");
        RuleFor(f => f.TaxClass).IsInEnum().WithMessage("消費税の扱いを選んでください。");
        RuleFor(f => f.JoinRule).IsInEnum().WithMessage("年度の途中で入会した場合の扱いを選んでください。");
        RuleFor(f => f.HalfFeeFromMonth).NotNull().WithMessage("半額にする入会月を選んでください。")
            .InclusiveBetween(1, 12).WithMessage("半額にする入会月を選んでください。")
            .When(f => f.JoinRule == JoinRule.HalfAfterMonth);
    }
}

public sealed record MemberClassRow(long Id, string Name, Yen AnnualFeePerUnit, int DefaultUnits, bool HasVote, int SortOrder, bool IsActive, int MemberCount,
    TaxClass TaxClass = TaxClass.NonTaxable, JoinRule JoinRule = JoinRule.FullYear, int? HalfFeeFromMonth = null)
{
    /// <summary>"年額（全額）", "10月以降の入会は半額", "月割り".</summary>
    public string JoinRuleText => JoinRule == JoinRule.HalfAfterMonth && HalfFeeFromMonth is { } m ? $"{m}月以降の入会は半額" : BillingLabels.Of(JoinRule);
}

public enum ClassSaveOutcome { Saved, Invalid, Stale, NotFound }

/// <summary>会員種別 for Admin. A class that members use is never removed (dues history refers to it), only deactivated.</summary>
public sealed class MemberClassesHandler(MemberHubDbContext db, IValidator<MemberClassForm> validator)
{
    public async Task<List<MemberClassRow>> ListAsync() =>
        await db.MemberClasses.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new MemberClassRow(c.Id, c.Name, c.AnnualFeePerUnit, c.DefaultUnits, c.HasVote, c.SortOrder, c.IsActive,
                db.Members.Count(m => m.MemberClassId == c.Id), c.TaxClass, c.JoinRule, c.HalfFeeFromMonth))
            .ToListAsync();

    public async Task<MemberClassForm?> FormAsync(long? id)
    {
        if (id is null)
        {
            var next = (await db.MemberClasses.MaxAsync(c => (int?)c.SortOrder) ?? 0) + 1;
            return new MemberClassForm { SortOrder = next };
        }
        var c = await db.MemberClasses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        return c is null ? null : new MemberClassForm
        {
            Name = c.Name, AnnualFeePerUnit = c.AnnualFeePerUnit.Value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
            DefaultUnits = c.DefaultUnits, HasVote = c.HasVote, SortOrder = c.SortOrder, IsActive = c.IsActive, Version = c.Version,
            TaxClass = c.TaxClass, JoinRule = c.JoinRule, HalfFeeFromMonth = c.HalfFeeFromMonth,
        };
    }

    public async Task<(ClassSaveOutcome, IReadOnlyList<(string Field, string Message)>)> SaveAsync(long? id, MemberClassForm form)
    {
        form.Name = form.Name?.Trim();
        var result = await validator.ValidateAsync(form);
        var errors = result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        if (!string.IsNullOrEmpty(form.Name) && await db.MemberClasses.AnyAsync(c => c.Name == form.Name && c.Id != id))
            errors.Add((nameof(MemberClassForm.Name), "同じ名称の会員種別がすでにあります。"));
        // A 課税 invoice must carry the organisation's 適格請求書発行事業者登録番号, so it has to be registered first.
        if (form.TaxClass == TaxClass.Taxable10
            && string.IsNullOrWhiteSpace(await db.OrganisationSettings.Select(o => o.TaxRegistrationNumber).SingleOrDefaultAsync()))
            errors.Add((nameof(MemberClassForm.TaxClass), "課税にするには、先に「団体情報」で適格請求書発行事業者の登録番号（T＋13桁）を登録してください。"));
        if (errors.Count > 0) return (ClassSaveOutcome.Invalid, errors);

        MemberClass entity;
        if (id is null)
        {
            entity = new MemberClass();
            db.MemberClasses.Add(entity);
        }
        else
        {
            var found = await db.MemberClasses.SingleOrDefaultAsync(c => c.Id == id);
            if (found is null) return (ClassSaveOutcome.NotFound, []);
            if (found.Version != form.Version) return (ClassSaveOutcome.Stale, []);
            entity = found;
            entity.Version++;
        }
        entity.Name = form.Name!;
        entity.AnnualFeePerUnit = Yen.TryParse(form.AnnualFeePerUnit)!.Value;
        entity.DefaultUnits = form.DefaultUnits;
        entity.HasVote = form.HasVote;
        entity.SortOrder = form.SortOrder;
        entity.IsActive = form.IsActive;
        entity.TaxClass = form.TaxClass;
        entity.JoinRule = form.JoinRule;
        entity.HalfFeeFromMonth = form.JoinRule == JoinRule.HalfAfterMonth ? form.HalfFeeFromMonth : null;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ClassSaveOutcome.Stale, []);
        }
        return (ClassSaveOutcome.Saved, []);
    }

    /// <summary>Removes a class nobody uses; otherwise the answer says to deactivate it instead.</summary>
    public async Task<string?> RemoveAsync(long id)
    {
        var c = await db.MemberClasses.SingleOrDefaultAsync(x => x.Id == id);
        if (c is null) return "会員種別が見つかりません。";
        if (await db.Members.AnyAsync(m => m.MemberClassId == id))
            return $"「{c.Name}」は会員が使っているため削除できません。使わなくなった場合は「使用しない」にしてください。";
        db.MemberClasses.Remove(c);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return $"「{c.Name}」はほかの記録から参照されているため削除できません。「使用しない」にしてください。";
        }
        return null;
    }
}
