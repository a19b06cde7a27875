using MemberHub.Demo;
using MemberHub.Members;
using MemberHub.Text;

namespace MemberHub.Tests.Unit;

public class DemoMemberGeneratorTests
{
    private static readonly DemoMemberClasses Classes = new(1, 2, 3, 4);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static List<Member> Make(int seed, int count)
    {
        var gen = new DemoMemberGenerator(seed);
        return Enumerable.Range(1, count).Select(i => gen.NextMember(i, Classes, Today, DateTime.UnixEpoch)).ToList();
    }

    [Fact]
    public void The_same_seed_gives_the_same_members() =>
        Assert.Equal(Make(7, 50).Select(m => m.SearchText), Make(7, 50).Select(m => m.SearchText));

    [Fact]
    public void Every_member_has_katakana_furigana_a_valid_postal_code_and_a_known_prefecture()
    {
        foreach (var m in Make(1, 2000))
        {
            Assert.True(KanaNormalizer.IsKatakana(m.NameKana), m.NameKana);
            Assert.True(PostalCode.IsValid(m.PostalCode), m.PostalCode);
            Assert.True(Prefectures.IsKnown(m.Prefecture), m.Prefecture);
            Assert.True(m.Phone is null || PhoneNumber.IsPlausible(m.Phone), m.Phone);
            Assert.True(m.MobilePhone is null || PhoneNumber.IsPlausible(m.MobilePhone), m.MobilePhone);
            Assert.True(m.Email is null || m.Email.Contains("@example."), m.Email);
            Assert.NotEmpty(m.SearchText);
            Assert.True(m.JoinedOn <= Today);
            if (m.Kind == MemberKind.Organisation) Assert.True(KanaNormalizer.IsKatakana(m.ContactPersonKana));
            else Assert.InRange(m.Birthday!.Value.Year, 1940, 2005);
        }
    }

    [Fact]
    public void The_register_looks_like_a_real_one()
    {
        var members = Make(3, 2000);
        Assert.InRange(members.Count(m => m.Kind == MemberKind.Organisation), 120, 280);
        Assert.InRange(members.Count(m => m.Status == MemberStatus.Active), 1500, 1750);
        Assert.Contains(members, m => m.Status == MemberStatus.Withdrawn && m.StatusReason is not null);
        Assert.True(members.Select(m => m.Prefecture).Distinct().Count() >= 15);
        Assert.Equal("東京都", members.GroupBy(m => m.Prefecture).OrderByDescending(g => g.Count()).First().Key);
        Assert.InRange(members.Count(m => m.Email is not null), 1200, 1700);
    }
}
