using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Support;

/// <summary>
/// Realistic members written straight into the database, unique by default (name, furigana, phone and
/// e-mail carry a running number), so tests sharing a database do not see each other's data by accident.
/// <c>await new MemberBuilder().Named("山田 花子", "ヤマダ ハナコ").Withdrawn().CreateAsync(app)</c>
/// </summary>
public sealed class MemberBuilder
{
    private static int _counter;
    private static readonly (string Name, string Kana)[] Surnames =
        [("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("中村", "ナカムラ"), ("小林", "コバヤシ")];
    private static readonly (string Name, string Kana)[] GivenNames =
        [("花子", "ハナコ"), ("太郎", "タロウ"), ("恵子", "ケイコ"), ("健一", "ケンイチ"), ("美咲", "ミサキ"), ("誠", "マコト")];

    private readonly int _n = Interlocked.Increment(ref _counter);
    private readonly Action<Member> _configure;
    private readonly List<string> _tags = [];
    private string _className = "正会員（個人）";

    public MemberBuilder() : this(_ => { }) { }

    private MemberBuilder(Action<Member> configure) => _configure = configure;

    public MemberBuilder With(Action<Member> change)
    {
        var copy = new MemberBuilder(m => { _configure(m); change(m); }) { _className = _className };
        copy._tags.AddRange(_tags);
        return copy;
    }

    public MemberBuilder Named(string name, string kana) => With(m => { m.Name = name; m.NameKana = kana; });
    public MemberBuilder WithPhone(string phone) => With(m => m.Phone = phone);
    public MemberBuilder WithMobile(string phone) => With(m => m.MobilePhone = phone);
    public MemberBuilder WithEmail(string email) => With(m => m.Email = email);
    public MemberBuilder InPrefecture(string prefecture, string city = "中央区") => With(m => { m.Prefecture = prefecture; m.City = city; });
    public MemberBuilder WithStatus(MemberStatus status) => With(m => m.Status = status);
    public MemberBuilder Withdrawn() => WithStatus(MemberStatus.Withdrawn);
    public MemberBuilder Archived() => With(m => m.IsArchived = true);
    public MemberBuilder JoinedOn(DateOnly date) => With(m => m.JoinedOn = date);
    public MemberBuilder WithPersonalNotes(string hobbies, string family) => With(m => { m.Hobbies = hobbies; m.FamilyNotes = family; });
    public MemberBuilder Organisation(string name, string kana, string contact) =>
        With(m => { m.Kind = MemberKind.Organisation; m.Name = name; m.NameKana = kana; m.ContactPersonName = contact; });
    public MemberBuilder OfClass(string className)
    {
        var copy = With(_ => { });
        copy._className = className;
        return copy;
    }

    public MemberBuilder WithTag(string tag)
    {
        var copy = With(_ => { });
        copy._tags.Add(tag);
        return copy;
    }

    /// <summary>Through the app's services (which start the host), so it also works with a Kestrel-hosted factory.</summary>
    public Task<Member> CreateAsync(MemberHubFactory app) => app.WithDbAsync(CreateAsync);

    public async Task<Member> CreateAsync(MemberHubDbContext db)
    {
        var surname = Surnames[_n % Surnames.Length];
        var given = GivenNames[_n % GivenNames.Length];
        var cls = await db.MemberClasses.SingleOrDefaultAsync(c => c.Name == _className);
        if (cls is null)
        {
            cls = new MemberClass { Name = _className, AnnualFeePerUnit = new Yen(5_000), DefaultUnits = 1, HasVote = true, SortOrder = 1 };
            db.MemberClasses.Add(cls);
            await db.SaveChangesAsync();
        }
        var member = new Member
        {
            Name = $"{surname.Name} {given.Name}{_n}",
            NameKana = $"{surname.Kana} {given.Kana}",
            MemberClassId = cls.Id,
            Units = 1,
            Status = MemberStatus.Active,
            StatusChangedOn = new DateOnly(2024, 4, 1),
            JoinedOn = new DateOnly(2024, 4, 1),
            PostalCode = "150-0001",
            Prefecture = "東京都",
            City = "渋谷区神宮前",
            Street = $"1-{_n}-3",
            Phone = $"03-{5000 + _n % 4000:0000}-{_n % 10000:0000}",
            Email = $"m{_n}-{Guid.NewGuid().ToString("N")[..8]}@example.jp",
            CreatedAt = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        _configure(member);
        member.MemberNumber = await MemberNumberAllocator.ReserveAsync(db);
        member.RefreshSearchText();
        db.Members.Add(member);
        await db.SaveChangesAsync();
        foreach (var name in _tags)
        {
            var tag = await db.Tags.SingleOrDefaultAsync(t => t.Name == name) ?? db.Tags.Add(new Tag { Name = name }).Entity;
            await db.SaveChangesAsync();
            db.MemberTags.Add(new MemberTag { MemberId = member.Id, TagId = tag.Id });
        }
        await db.SaveChangesAsync();
        return member;
    }
}
