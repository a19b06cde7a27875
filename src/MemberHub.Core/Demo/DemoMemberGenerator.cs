using System.Globalization;
using MemberHub.Members;

namespace MemberHub.Demo;

/// <summary>The ids of the four usual member classes, which the generated members are spread over.</summary>
public sealed record DemoMemberClasses(long IndividualFull, long OrganisationFull, long IndividualSupporter, long OrganisationSupporter);

/// <summary>
/// Makes believable members for the demo and the benchmark: names with their real readings, addresses whose
/// postal code, city and area code agree, and the spread of statuses, ages and joining dates a
/// fifteen-year-old NPO has. Deterministic for a seed, so screenshots and figures can be reproduced.
/// E-mail addresses use the reserved example domains, so nothing can ever be sent to a real person.
/// </summary>
public sealed class DemoMemberGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private readonly int _cityWeightTotal = DemoPlaces.Cities.Sum(c => c.Weight);

    public Random Random => _random;

    private static readonly string[] EmailDomains = ["example.jp", "example.ne.jp", "example.co.jp", "example.com", "example.or.jp"];
    private static readonly string[] WithdrawalReasons = ["転居のため", "高齢のため", "本人より退会の申し出", "会費未納が2年続いたため", "活動への参加が難しくなったため"];
    private static readonly string[] SuspensionReasons = ["海外赴任のため", "療養のため", "育児のため", "介護のため"];
    private static readonly string[] Hobbies = ["園芸", "写真", "登山", "囲碁", "料理", "合唱", "読書", "釣り", "書道", "俳句", "ウォーキング", "将棋", "茶道"];
    private static readonly string[] Likes = ["和菓子", "コーヒー", "猫", "歴史の話", "地元の野菜", "温泉", "クラシック音楽", "子どもと関わる活動"];
    private static readonly string[] Dislikes = ["長電話", "夜遅くの連絡", "大人数の集まり", "急な依頼", "甘いもの"];
    private static readonly string[] BestTimes = ["平日の午前中", "18時以降", "土日の午後", "昼休み（12時〜13時）", "平日14時〜16時"];
    private static readonly string[] FamilyNotes = ["お孫さんが2人", "ご主人と二人暮らし", "娘さんが近くに住んでいる", "犬を飼っている", "お母様の介護中"];

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Common names come up more often, as they do in a real register.</summary>
    private (string Kanji, string Kana) PickFamily()
    {
        var f = DemoNames.Family;
        var i = (int)(f.Length * Math.Pow(_random.NextDouble(), 1.6));
        return f[Math.Min(i, f.Length - 1)];
    }

    public DemoPerson NextPerson(DateOnly today)
    {
        var female = _random.Next(100) < 58; // NPO registers lean female
        var family = PickFamily();
        var given = Pick(female ? DemoNames.FemaleGiven : DemoNames.MaleGiven);
        var birthday = new DateOnly(1940, 1, 1).AddDays(_random.Next(new DateOnly(2005, 12, 31).DayNumber - new DateOnly(1940, 1, 1).DayNumber));
        if (birthday > today) birthday = today.AddYears(-20);
        return new DemoPerson(family.Kanji, family.Kana, given.Kanji, given.Kana, female, birthday);
    }

    public DemoAddress NextAddress()
    {
        var pick = _random.Next(_cityWeightTotal);
        var city = DemoPlaces.Cities[0];
        foreach (var c in DemoPlaces.Cities)
        {
            if (pick < c.Weight) { city = c; break; }
            pick -= c.Weight;
        }
        var postal = string.Create(CultureInfo.InvariantCulture, $"{Pick(city.PostalPrefixes):D3}-{_random.Next(0, 10000):D4}");
        var street = string.Create(CultureInfo.InvariantCulture, $"{Pick(city.Towns)}{_random.Next(1, 6)}丁目{_random.Next(1, 30)}-{_random.Next(1, 25)}");
        string? building = null;
        if (_random.Next(100) < 35)
            building = string.Create(CultureInfo.InvariantCulture,
                $"{Pick(DemoPlaces.BuildingNames)}{Pick(DemoPlaces.BuildingStems)} {_random.Next(1, 9)}{_random.Next(0, 2)}{_random.Next(1, 9)}号室");
        return new DemoAddress(postal, city.Prefecture, city.Name, street, building, city.AreaCode);
    }

    public string Landline(string areaCode)
    {
        var areaDigits = areaCode.Length;
        var exchangeLength = 6 - areaDigits;
        var exchange = _random.Next((int)Math.Pow(10, exchangeLength - 1) * 2, (int)Math.Pow(10, exchangeLength));
        return string.Create(CultureInfo.InvariantCulture, $"{areaCode}-{exchange}-{_random.Next(0, 10000):D4}");
    }

    public string Mobile() =>
        string.Create(CultureInfo.InvariantCulture, $"{Pick(["090", "080", "070"])}-{_random.Next(1000, 10000)}-{_random.Next(0, 10000):D4}");

    public string EmailFor(string familyKana, int year)
    {
        var local = DemoNames.Romaji.TryGetValue(familyKana, out var r) ? r : "member";
        var suffix = _random.Next(4) switch
        {
            0 => year.ToString(CultureInfo.InvariantCulture),
            1 => _random.Next(1, 100).ToString("D2", CultureInfo.InvariantCulture),
            2 => "." + (char)('a' + _random.Next(26)),
            _ => _random.Next(100, 1000).ToString(CultureInfo.InvariantCulture),
        };
        return $"{local}{suffix}@{Pick(EmailDomains)}";
    }

    /// <summary>A complete member (number, class, status, contact details, some personal details), search text filled.</summary>
    public Member NextMember(int memberNumber, DemoMemberClasses classes, DateOnly today, DateTime nowUtc)
    {
        var address = NextAddress();
        var joined = today.AddDays(-_random.Next(15 * 365));
        var m = new Member
        {
            MemberNumber = memberNumber,
            JoinedOn = joined,
            StatusChangedOn = joined,
            PostalCode = address.PostalCode,
            Prefecture = address.Prefecture,
            City = address.City,
            Street = address.Street,
            Building = address.Building,
            Version = 1,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };

        if (_random.Next(100) < 10)
        {
            var (prefix, prefixKana, suffix, suffixKana) = Pick(DemoNames.OrganisationForms);
            var company = (prefix + suffix).Contains("会社", StringComparison.Ordinal);
            var (stem, stemKana) = Pick(company ? DemoNames.CompanyStems : DemoNames.OrganisationStems);
            m.Kind = MemberKind.Organisation;
            m.Name = prefix.Length > 0 ? $"{prefix} {stem}{suffix}" : $"{stem}{suffix}";
            m.NameKana = $"{prefixKana}{stemKana}{suffixKana}".Trim();
            var contact = NextPerson(today);
            m.ContactPersonName = contact.Name;
            m.ContactPersonKana = contact.Kana;
            var full = _random.Next(100) < 40;
            m.MemberClassId = full ? classes.OrganisationFull : classes.OrganisationSupporter;
            m.Units = full ? 1 : _random.Next(1, 6);
            m.Phone = Landline(address.AreaCode);
            if (_random.Next(100) < 80) m.Email = $"info{_random.Next(1, 100)}@{Pick(EmailDomains)}";
        }
        else
        {
            var p = NextPerson(today);
            m.Kind = MemberKind.Individual;
            m.Name = p.Name;
            m.NameKana = p.Kana;
            m.Birthday = p.Birthday;
            var full = _random.Next(100) < 75;
            m.MemberClassId = full ? classes.IndividualFull : classes.IndividualSupporter;
            m.Units = full ? 1 : _random.Next(100) < 80 ? 1 : _random.Next(2, 4);
            // Older members more often have a landline, younger ones only a mobile.
            var age = today.Year - p.Birthday.Year;
            if (_random.Next(100) < (age >= 60 ? 85 : 35)) m.Phone = Landline(address.AreaCode);
            if (m.Phone is null || _random.Next(100) < (age >= 70 ? 45 : 85)) m.MobilePhone = Mobile();
            if (_random.Next(100) < (age >= 75 ? 40 : 75)) m.Email = EmailFor(p.FamilyKana, p.Birthday.Year);
            AddPersonalDetails(m);
        }

        var roll = _random.Next(100);
        if (roll < 10)
        {
            m.Status = MemberStatus.Withdrawn;
            m.StatusChangedOn = Between(joined, today);
            m.StatusReason = Pick(WithdrawalReasons);
        }
        else if (roll < 16)
        {
            m.Status = MemberStatus.Suspended;
            m.StatusChangedOn = Between(joined, today);
            m.StatusReason = Pick(SuspensionReasons);
        }
        else if (roll < 19)
        {
            m.Status = MemberStatus.Applying;
            m.JoinedOn = today.AddDays(-_random.Next(1, 30));
            m.StatusChangedOn = m.JoinedOn;
            m.StatusReason = "入会申込書を受領、初年度会費の入金待ち";
        }
        else
        {
            m.Status = MemberStatus.Active;
        }

        m.RefreshSearchText();
        return m;
    }

    /// <summary>The member's husband or wife: same family name, household address and landline.</summary>
    public Member SpouseOf(Member m, int memberNumber, DemoMemberClasses classes, DateOnly today, DateTime nowUtc)
    {
        var parts = m.Name.Split(' ', 2);
        var kanaParts = m.NameKana.Split(' ', 2);
        var isMale = parts.Length == 2 && DemoNames.MaleGiven.Any(g => g.Kanji == parts[1]);
        var given = Pick(isMale ? DemoNames.FemaleGiven : DemoNames.MaleGiven);
        var birthday = (m.Birthday ?? today.AddYears(-60)).AddDays(_random.Next(-5 * 365, 5 * 365));
        var spouse = new Member
        {
            MemberNumber = memberNumber,
            Kind = MemberKind.Individual,
            Name = $"{parts[0]} {given.Kanji}",
            NameKana = $"{kanaParts[0]} {given.Kana}",
            Birthday = birthday > today.AddYears(-18) ? today.AddYears(-18) : birthday,
            MemberClassId = _random.Next(2) == 0 ? classes.IndividualFull : classes.IndividualSupporter,
            Units = 1,
            Status = MemberStatus.Active,
            JoinedOn = m.JoinedOn.AddDays(_random.Next(0, 400)) is var j && j <= today ? j : m.JoinedOn,
            PostalCode = m.PostalCode,
            Prefecture = m.Prefecture,
            City = m.City,
            Street = m.Street,
            Building = m.Building,
            Phone = m.Phone,
            MobilePhone = Mobile(),
            FamilyNotes = "ご夫婦で会員",
            Version = 1,
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };
        spouse.StatusChangedOn = spouse.JoinedOn;
        spouse.RefreshSearchText();
        return spouse;
    }

    private void AddPersonalDetails(Member m)
    {
        if (_random.Next(100) < 25)
        {
            m.Hobbies = string.Join("、", Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(Hobbies)).Distinct());
            if (_random.Next(2) == 0) m.Likes = Pick(Likes);
            if (_random.Next(3) == 0) m.Dislikes = Pick(Dislikes);
            if (_random.Next(2) == 0) m.DaysOff = _random.Next(2) == 0 ? Weekdays.Saturday | Weekdays.Sunday : (Weekdays)(1 << _random.Next(7));
            if (_random.Next(2) == 0) m.BestTimeToCall = Pick(BestTimes);
            if (_random.Next(3) == 0) m.FamilyNotes = Pick(FamilyNotes);
            m.PreferredChannel = Pick([ContactChannel.Phone, ContactChannel.Email, ContactChannel.Post]);
            m.ConsentToBeNamed = _random.Next(2) == 0;
            m.ConsentToBePhotographed = _random.Next(3) != 0;
        }
        var refusal = _random.Next(100);
        if (refusal < 4) { m.RefusesPhone = true; m.Notes = "定期的な電話連絡は不要とのこと。郵送で連絡する。"; }
        else if (refusal < 7) m.NoNewsletters = true;
        else if (refusal < 9) m.RefusesEmail = true;
        else if (refusal < 10) m.RefusesPost = true;
    }

    private DateOnly Between(DateOnly from, DateOnly to) =>
        to <= from ? to : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    private static readonly (ContactChannel Channel, string Summary, bool FollowUp)[] Contacts =
    [
        (ContactChannel.Phone, "年会費の振込について問い合わせ。振込先口座を案内した。", false),
        (ContactChannel.Phone, "住所変更の連絡。名簿を更新した。", false),
        (ContactChannel.Phone, "秋の植樹イベントに参加したいとのこと。詳細を郵送する。", true),
        (ContactChannel.Email, "会報のバックナンバーを希望。PDFを送付予定。", true),
        (ContactChannel.Email, "ボランティア登録について質問。次回説明会の日程を返信した。", false),
        (ContactChannel.Email, "寄付金受領証明書の再発行依頼。", true),
        (ContactChannel.Visit, "事務所に来訪。会費を現金で受領し領収書を渡した。", false),
        (ContactChannel.Visit, "活動の様子を見学。入会を検討中とのこと。", true),
        (ContactChannel.Event, "総会に出席。活動報告に質問あり。", false),
        (ContactChannel.Event, "清掃活動に参加。次回もリーダーをお願いできそう。", false),
        (ContactChannel.Post, "年賀状をいただいた。お礼状を送る。", true),
        (ContactChannel.Post, "会費の請求書を郵送。", false),
        (ContactChannel.Other, "知人の紹介で資料を希望。パンフレットを送付。", false),
        (ContactChannel.Phone, "しばらく活動に参加できないとの連絡。体調を気づかう。", true),
    ];

    /// <summary>1 to 5 contacts over the member's years with the organisation; a recent one may still need a follow-up.</summary>
    public List<ContactRecord> NextContacts(Member member, DateOnly today, IReadOnlyList<string> staffNames, DateTime nowUtc)
    {
        var list = new List<ContactRecord>();
        var count = _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var (channel, summary, followUp) = Pick(Contacts);
            var on = Between(member.JoinedOn, today);
            // Keep some history recent, so the follow-up list has something due this month.
            if (i == 0 && _random.Next(5) == 0) on = Between(member.JoinedOn > today.AddDays(-40) ? member.JoinedOn : today.AddDays(-40), today);
            var record = new ContactRecord
            {
                OccurredOn = on,
                Channel = channel,
                StaffName = Pick(staffNames),
                Summary = summary,
                CreatedAt = nowUtc,
            };
            if (followUp)
            {
                record.FollowUpNeeded = true;
                record.FollowUpBy = on.AddDays(_random.Next(3, 21));
                // Older follow-ups were done; those of the last weeks are still open (some overdue).
                if (on < today.AddDays(-45)) record.FollowUpDoneAt = nowUtc.AddDays(-(today.DayNumber - on.DayNumber) + _random.Next(1, 10));
            }
            list.Add(record);
        }
        return list;
    }
}

public sealed record DemoPerson(string FamilyName, string FamilyKana, string GivenName, string GivenKana, bool Female, DateOnly Birthday)
{
    public string Name => $"{FamilyName} {GivenName}";
    public string Kana => $"{FamilyKana} {GivenKana}";
}

public sealed record DemoAddress(string PostalCode, string Prefecture, string City, string Street, string? Building, string AreaCode);
