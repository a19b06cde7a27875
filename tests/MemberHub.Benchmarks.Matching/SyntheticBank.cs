using System.Globalization;
using System.Text;
using MemberHub.Payments;

namespace MemberHub.Benchmarks.Matching;

/// <summary>One generated credit with the truth a careful treasurer would know after looking.</summary>
/// <param name="TrueMemberId">The member the money is from (or for); null for money that is no member's dues.</param>
/// <param name="Obvious">
/// A careful treasurer would post it without hesitation: the payer text identifies exactly one member
/// (the member's own name that no other member with something open shares, a payer remembered for that member
/// only, or the member's number with the member's or a family member's name) and the amount is exactly one open
/// invoice, all open invoices of the member, or all open invoices of the household.
/// </param>
/// <param name="Determinable">
/// The payer text points at this one member (own name no other open member shares, the number, or a payer
/// remembered for that member only), whatever the amount: a person looking at the proposal could know the member
/// from the data the matcher gets. False for an unknown employer or relative, a namesake, or a member with nothing open.
/// </param>
public sealed record SyntheticCredit(BankCredit Credit, long? TrueMemberId, bool Obvious, string Scenario, bool Determinable = false);

/// <param name="Register">Every member, paid up or not, as the register holds them.</param>
public sealed record SyntheticData(IReadOnlyList<OpenInvoice> Invoices, IReadOnlyList<PayerAlias> Aliases,
    IReadOnlyList<SyntheticCredit> Credits)
{
    public IReadOnlyList<RegisteredMember> Register { get; init; } = [];
}

/// <summary>
/// Realistic synthetic dues data: a member register with kana names as staff type them, open invoices, payers
/// remembered from earlier years, and a bank file as banks write it. It knows nothing of the matcher: names are
/// rendered the way a bank renders them (half-width, no small kana, "-" for ー, legal forms abbreviated, cut at
/// 48 bytes) and the truth is labelled from the register, as a treasurer would read it.
/// </summary>
public static class SyntheticBank
{
    private static readonly string[] Families =
    [
        "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ",
        "ササキ", "ヤマグチ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "シミズ", "ヤマザキ", "モリ", "アベ", "イケダ", "ハシモト",
        "ヤマシタ", "イシカワ", "ナカジマ", "マエダ", "フジタ", "オガワ", "ゴトウ", "オカダ", "ハセガワ", "ムラカミ", "コンドウ", "イシイ",
        "サイトウ", "サカモト", "エンドウ", "アオキ", "フジイ", "ニシムラ", "フクダ", "オオタ", "ミウラ", "フジワラ", "オカモト", "マツダ",
        "ナカガワ", "ナカノ", "ハラダ", "オノ", "タムラ", "タケウチ", "カネコ", "ワダ", "ナカヤマ", "イシダ", "ウエダ", "モリタ", "ハラ",
        "シバタ", "サカイ", "クドウ", "ヨコヤマ", "ミヤザキ", "ミヤモト", "ウチダ", "タカギ", "アンドウ", "タニグチ", "オオノ", "マルヤマ",
        "イマイ", "タカダ", "フジモト", "タケダ", "ムラタ", "ウエノ", "スギヤマ", "マスダ", "スガワラ", "ヒラノ", "オオツカ", "チバ",
        "クボ", "マツイ", "イワサキ", "サクライ", "キノシタ", "ノグチ", "マツオ", "キクチ", "ノムラ", "アライ", "ハットリ", "ホッタ",
        "ショウジ", "チョウ", "キョウゴク", "ジョウノ", "リュウ", "ニッタ", "ハッタ", "キッカワ", "シュトウ", "ヒョウドウ", "ジュウモンジ",
        "オオシマ", "コウノ", "トウドウ", "ホンダ", "ソウマ", "ユウキ", "ドウモト", "オオクボ", "ミズノ", "ヒグチ", "ノナカ", "カワグチ",
        "ツチヤ", "スミス", "ブラウン", "キム", "パク", "グエン", "ヅツミ", "ミゾグチ", "ヨシオカ", "アキヤマ", "ツジ", "クリハラ",
    ];

    private static readonly string[] Givens =
    [
        "タロウ", "ジロウ", "イチロウ", "ケンイチ", "ショウタ", "リョウ", "ユウキ", "ダイスケ", "シュンスケ", "キョウスケ", "ジュン",
        "ヒロシ", "タカシ", "マコト", "ユウト", "ソウタ", "ハルト", "リュウジ", "ジョージ", "ショウヘイ", "コウイチ", "ユウスケ", "ケイタ",
        "シンジ", "ツヨシ", "ミノル", "オサム", "マサル", "ノボル", "トオル", "ヨウヘイ", "ジュンイチ", "キョウヘイ", "リョウタ", "カズキ",
        "ハナコ", "ユウコ", "キョウコ", "ジュンコ", "ショウコ", "アヤ", "ミキ", "サクラ", "ユイ", "ミサキ", "アユミ", "チョウコ", "リョウコ",
        "メグミ", "ヨウコ", "ユカ", "マユミ", "ナオミ", "エミ", "カオリ", "トモコ", "ヒトミ", "ミユキ", "チヒロ", "ノゾミ", "シュウコ",
        "ジュリ", "ユウナ", "ヒナ", "リョウカ", "ミヅキ", "シズカ", "キョウカ", "チエ", "マリ", "ケイコ", "ヨシエ", "フミコ", "テツヤ",
        "ヨシュア", "エリー", "メアリー", "ルーシー", "ケン", "ジョー",
    ];

    // Most Japanese family names are not among the commonest few hundred: compose the rest from the usual parts.
    private static readonly string[] FamilyHeads =
    [
        "ヤマ", "カワ", "ナカ", "モリ", "イシ", "マツ", "スギ", "タケ", "フジ", "ミズ", "オカ", "ハラ", "サワ", "イケ", "ニシ", "ヒガシ",
        "キタ", "ミナミ", "ウエ", "シモ", "オオ", "コ", "タカ", "ヒラ", "ミヤ", "ツル", "カメ", "クマ", "ウメ", "サクラ", "ヨシ", "カネ",
        "シラ", "クロ", "アカ", "アオ", "ミツ", "ハマ", "シマ", "イワ", "ツカ", "ノ", "ホソ", "ナガ", "ミネ", "キヨ", "アサ", "ユ",
    ];

    private static readonly string[] FamilyTails =
    [
        "ダ", "モト", "グチ", "サキ", "シタ", "ムラ", "ノ", "カワ", "ハラ", "サワ", "ジマ", "ザキ", "タ", "ベ", "オカ", "イ", "ウチ",
        "ミ", "ヤマ", "キ", "ガワ", "タニ", "ノウチ", "ゾノ", "ヅカ", "バヤシ", "ハシ", "ダイラ", "ミズ", "マチ",
    ];

    private static readonly string[] MaleHeads =
    [
        "ケン", "ヒロ", "タカ", "マサ", "カズ", "ユウ", "ショウ", "リョウ", "シン", "ダイ", "コウ", "トモ", "ノブ", "ヨシ", "テツ", "ジュン",
        "タツ", "ヒデ", "アキ", "トシ", "ユキ", "ミツ", "ヤス", "カツ", "サト", "シゲ", "ノリ", "ハル", "フミ", "キョウ", "シュン", "リュウ",
    ];

    private static readonly string[] MaleTails =
    [
        "イチ", "ジ", "ゾウ", "オ", "キ", "ト", "ヤ", "シ", "スケ", "タ", "ノリ", "ヒコ", "ユキ", "アキ", "ミチ", "ヘイ", "マ", "ロウ",
        "イチロウ", "タロウ", "ジロウ", "ノスケ", "ヒロ", "カズ", "ナリ", "トシ",
    ];

    private static readonly string[] FemaleHeads =
    [
        "ユ", "ミ", "サ", "ア", "ト", "ハ", "マ", "ナ", "カ", "エ", "チ", "リ", "メ", "ヨ", "ケイ", "キョウ", "ジュン", "ショウ", "ユウ",
        "リョウ", "マサ", "ノリ", "ヒロ", "カズ", "トモ", "ミチ", "アキ", "ヨシ", "フミ", "ミホ", "サチ", "ナツ", "ハル", "チカ", "マキ",
    ];

    private static readonly string[] FemaleTails = ["コ", "ミ", "カ", "エ", "ナ", "ホ", "ヨ", "リ", "キ", "ノ", "サ", "ミコ", "エコ", "カコ", "ヨコ", "ネ"];

    private static string FamilyName(Random rng) =>
        rng.NextDouble() < 0.55 ? Pick(rng, Families) : Pick(rng, FamilyHeads) + Pick(rng, FamilyTails);

    private static string GivenName(Random rng) => rng.NextDouble() switch
    {
        < 0.3 => Pick(rng, Givens),
        < 0.65 => Pick(rng, MaleHeads) + Pick(rng, MaleTails),
        _ => Pick(rng, FemaleHeads) + Pick(rng, FemaleTails),
    };

    private static readonly string[] CompanyHeads =
    [
        "ミライ", "サクラ", "アオゾラ", "ヤマダ", "ニホン", "トウキョウ", "ミドリ", "ヒカリ", "ツバサ", "ホクト", "シンセイ", "ダイイチ",
        "キョウワ", "コウヨウ", "ヒノデ", "アサヒ", "フジ", "ミナミ", "キタ", "セントラル", "グローバル", "エコ", "ユニオン", "チイキ",
        "アイ", "エム", "ケイ", "ワイ", "サン", "ホープ", "ライフ", "ケア", "ハート", "スマイル", "ワールド", "パシフィック", "ベイ", "リバー",
        "ヤマト", "シキ", "ハナ", "モモ", "キク", "マツ", "タケ", "ウメ", "ツル", "カメ", "トラ", "リュウ", "オオゾラ", "ワカバ", "シンワ",
    ];

    private static readonly string[] CompanyTails =
    [
        "ケンセツ", "ショウジ", "コウギョウ", "デンキ", "フドウサン", "ショクヒン", "ノカイ", "ネット", "システム", "サービス", "セイサクショ",
        "ウンユ", "インサツ", "ヤッキョク", "クリニック", "フクシカイ", "キョウカイ", "ケンキュウジョ", "コウボウ", "ファーム",
        "ショウテン", "ギケン", "セッケイ", "ソウコ", "ホケン", "カイケイ", "コンサルティング", "デザイン", "ラボ", "ホーム", "ジュウタク",
        "コウムテン", "ゾウエン", "ノウエン", "ショボウ", "ガクエン", "ホイクエン", "カイゴ",
    ];

    private static readonly string[] CompanyBranches = ["", "", "", " トウキョウシテン", " オオサカエイギョウショ", " ホンシャ", " シブヤジムショ"];

    // Legal form: spelt out as staff type it, the bank's abbreviation, and whether it stands before the name (前株).
    private static readonly (string Spelt, string Abbrev)[] LegalForms =
    [
        ("カブシキガイシャ", "ｶ"), ("カブシキガイシャ", "ｶ"), ("カブシキガイシャ", "ｶ"), ("ユウゲンガイシャ", "ﾕ"), ("ゴウドウガイシャ", "ﾄﾞ"),
        ("トクテイヒエイリカツドウホウジン", "ﾄｸﾋ"), ("イリョウホウジン", "ｲ"), ("シャカイフクシホウジン", "ﾌｸ"), ("イッパンシャダンホウジン", "ｼﾔ"),
    ];

    private sealed class Person
    {
        public long Id;
        public string Number = "";
        public string Family = "";      // canonical katakana; for a company the name without legal form
        public string Given = "";
        public bool IsCompany;
        public int LegalForm;
        public bool FormFirst;
        public string Branch = "";
        public string Furigana = "";    // as staff typed it into the register
        public bool FuriganaTypo;
        public long? Household;
        public List<OpenInvoice> Invoices = [];
        public string BankName = "";    // the member's own account, as the bank writes it
    }

    public static SyntheticData Generate(int seed = 20261123, int creditCount = 10_000, int openInvoiceCount = 10_000)
    {
        var rng = new Random(seed);
        var people = new List<Person>();
        long nextId = 1;
        var usedNumbers = new HashSet<int>();

        Person NewPerson()
        {
            var p = new Person { Id = nextId++ };
            int n;
            do n = 1001 + rng.Next(0, 40_000); while (!usedNumbers.Add(n));
            p.Number = n.ToString(CultureInfo.InvariantCulture);
            if (rng.NextDouble() < 0.08)
            {
                p.IsCompany = true;
                p.Family = Pick(rng, CompanyHeads) + Pick(rng, CompanyTails);
                if (rng.NextDouble() < 0.5) p.Family = Pick(rng, CompanyHeads) + p.Family;
                p.LegalForm = rng.Next(LegalForms.Length);
                p.FormFirst = rng.NextDouble() < 0.6;
                p.Branch = Pick(rng, CompanyBranches);
            }
            else
            {
                p.Family = FamilyName(rng);
                p.Given = GivenName(rng);
            }
            p.Furigana = StaffTyping(rng, p);
            p.BankName = BankRendering(p.IsCompany ? CompanyFull(p) : p.Family + " " + p.Given, rng.NextDouble() < 0.85);
            return p;
        }

        // Members with something open, and members who have paid already (namesakes, and payers with nothing open).
        var open = new List<Person>();
        var invoiceId = 1L;
        var invoices = new List<OpenInvoice>();
        long nextHousehold = 1;
        var invoiceTotal = 0;
        while (invoiceTotal < openInvoiceCount)
        {
            var p = NewPerson();
            people.Add(p);
            open.Add(p);
            var due = p.IsCompany ? 10_000L * rng.Next(1, 3) : rng.NextDouble() < 0.7 ? 5_000L : 3_000L * rng.Next(1, 4);
            if (rng.NextDouble() < 0.12)
                AddInvoice(p, due, new DateOnly(2025, 4, 1));
            AddInvoice(p, due, new DateOnly(2026, 4, 1));
            if (!p.IsCompany && rng.NextDouble() < 0.06 && invoiceTotal < openInvoiceCount)
            {
                // a spouse who is a member too: one household
                var s = NewPerson();
                s.IsCompany = false;
                s.Family = p.Family;
                s.Given = GivenName(rng);
                s.Furigana = StaffTyping(rng, s);
                s.BankName = BankRendering(s.Family + " " + s.Given, rng.NextDouble() < 0.85);
                p.Household = s.Household = nextHousehold++;
                people.Add(s);
                open.Add(s);
                AddInvoice(s, 5_000, new DateOnly(2026, 4, 1));
            }
        }
        var paidUp = Enumerable.Range(0, openInvoiceCount / 4).Select(_ => NewPerson()).ToList();
        people.AddRange(paidUp);

        void AddInvoice(Person p, long due, DateOnly issued)
        {
            var inv = new OpenInvoice(invoiceId, $"{issued.Year}-{invoiceId:00000}", p.Id, p.Number, p.Furigana, due, issued, null);
            invoiceId++;
            invoiceTotal++;
            p.Invoices.Add(inv);
        }
        foreach (var p in open)
            foreach (var inv in p.Invoices)
                invoices.Add(inv with { HouseholdId = p.Household });

        // Payers remembered from earlier years: spouses, parents, employers (some paying for several), and
        // members' own accounts confirmed by hand once.
        var aliases = new List<PayerAlias>();
        var aliasPayers = new Dictionary<long, List<string>>();
        var employers = Enumerable.Range(0, 60).Select(_ => BankRendering(CompanyFull(NewCompany(rng)), true)).ToList();
        foreach (var p in people.Where(p => !p.IsCompany))
        {
            var r = rng.NextDouble();
            string? alias = r switch
            {
                < 0.05 => BankRendering(p.Family + " " + GivenName(rng), true),    // spouse or parent
                < 0.07 => Pick(rng, employers),
                < 0.15 => p.BankName,
                _ => null,
            };
            if (alias is null) continue;
            aliases.Add(new PayerAlias(alias, p.Id));
            if (!aliasPayers.TryGetValue(p.Id, out var list)) aliasPayers[p.Id] = list = [];
            list.Add(alias);
        }
        var aliasOwners = aliases.GroupBy(a => Compact(a.PayerName)).ToDictionary(g => g.Key, g => g.Select(a => a.MemberId).Distinct().ToList());

        // How a treasurer reads the register: the bank's way of writing each open member's name.
        // The treasurer looks at the whole register, not only at who has something open: a name that a paid-up
        // member shares makes them hesitate as much as one shared by two members with invoices.
        var registerByReading = people.GroupBy(p => Compact(BankRendering(p.IsCompany ? CompanyFull(p) : p.Family + p.Given, false)))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        var byId = people.ToDictionary(p => p.Id);

        // The treasurer's ledger: what each invoice still has due as the file is posted line by line.
        var remaining = invoices.ToDictionary(i => i.InvoiceId, i => i.AmountDue);
        long OpenTotal(Person p) => p.Invoices.Sum(i => remaining[i.InvoiceId]);
        long HouseholdTotal(Person p) => p.Household is { } h ? open.Where(o => o.Household == h).Sum(OpenTotal) : OpenTotal(p);

        bool ExactFit(Person p, long amount, bool forHousehold)
        {
            if (amount <= 0) return false;
            if (forHousehold) return amount == HouseholdTotal(p);
            return p.Invoices.Any(i => remaining[i.InvoiceId] == amount) || amount == OpenTotal(p);
        }

        void Post(Person p, long amount, bool forHousehold)
        {
            var targets = forHousehold && p.Household is { } h ? open.Where(o => o.Household == h).SelectMany(o => o.Invoices) : p.Invoices;
            var exact = targets.FirstOrDefault(i => remaining[i.InvoiceId] == amount);
            if (exact is not null) { remaining[exact.InvoiceId] = 0; return; }
            foreach (var i in targets.OrderBy(i => i.IssuedOn))
            {
                var take = Math.Min(remaining[i.InvoiceId], amount);
                remaining[i.InvoiceId] -= take;
                amount -= take;
            }
        }

        bool UniqueReading(string payer, long memberId)
        {
            var key = Compact(payer);
            var owners = registerByReading.TryGetValue(key, out var ids) ? ids : [];
            if (payer.Length >= PayerNameNormalizer.ZenginPayerFieldBytes)   // cut by the bank: any name beginning so
                owners = registerByReading.Where(kv => kv.Key.StartsWith(key, StringComparison.Ordinal)).SelectMany(kv => kv.Value).ToList();
            var aliasFor = aliasOwners.TryGetValue(key, out var a) ? a : [];
            return owners.Count == 1 && owners[0] == memberId && aliasFor.All(id => id == memberId) && !byId[memberId].FuriganaTypo;
        }

        bool UniqueAlias(string payer, long memberId)
        {
            var key = Compact(payer);
            var owners = aliasOwners.TryGetValue(key, out var a) ? a : [];
            var members = registerByReading.TryGetValue(key, out var ids) ? ids : [];
            return owners.Count == 1 && owners[0] == memberId && members.All(id => id == memberId);
        }

        // The bank file.
        var credits = new List<SyntheticCredit>();
        var unpaid = open.OrderBy(_ => rng.Next()).ToList();
        var cursor = 0;
        Person NextPayer() => cursor < unpaid.Count ? unpaid[cursor++] : unpaid[rng.Next(unpaid.Count)];
        var date = new DateOnly(2026, 4, 10);

        (string, double)[] scenarios =
        [
            ("own name", 0.40), ("member number", 0.14), ("remembered payer", 0.07), ("spouse with number", 0.03),
            ("spouse unknown", 0.03), ("employer unknown", 0.01), ("arrears and this year", 0.04), ("household", 0.03),
            ("fee deducted", 0.05), ("donation", 0.03), ("odd amount", 0.02), ("not a member", 0.08),
            ("duplicate line", 0.01), ("nothing open", 0.03), ("number typo", 0.01), ("cut company name", 0.02),
        ];
        while (credits.Count < creditCount)
        {
            var scenario = PickWeighted(rng, scenarios);
            var id = $"syn-{credits.Count + 1:00000}";
            var booked = date.AddDays(rng.Next(0, 20));
            if (scenario == "not a member")
            {
                var stranger = NewPerson();
                var payer = rng.NextDouble() < 0.2 ? Pick(rng, ["ｺｸｾﾞｲｷﾖｸ", "ﾆﾎﾝﾈﾝｷﾝｷｺｳ", "ｼﾔｶｲﾎｹﾝﾘﾖｳ", "ﾘｿｸ", "ｶ)ﾂｳﾊﾝｾﾝﾀ-", "ﾍﾝｷﾝ"]) : stranger.BankName;
                long amount = rng.NextDouble() < 0.4 ? Pick(rng, [3000L, 5000L, 10000L]) : rng.Next(1, 200) * 100L;
                credits.Add(new(new BankCredit(id, booked, amount, payer), null, false, scenario));
                continue;
            }
            if (scenario == "duplicate line" && credits.Count > 0)
            {
                var earlier = credits[rng.Next(credits.Count)];
                credits.Add(new(earlier.Credit with { Id = id }, earlier.TrueMemberId, false, scenario, earlier.Determinable));
                if (earlier.TrueMemberId is { } m) Post(byId[m], earlier.Credit.Amount, false);
                continue;
            }
            if (scenario == "nothing open")
            {
                var p = Pick(rng, paidUp);
                var payer = rng.NextDouble() < 0.3 ? NumberTyped(rng, p.Number, p.BankName) : p.BankName;
                credits.Add(new(new BankCredit(id, booked, 5000, payer), p.Id, false, scenario));
                continue;
            }

            var member = scenario switch
            {
                "arrears and this year" => unpaid.Skip(cursor).FirstOrDefault(p => p.Invoices.Count > 1) ?? NextPayer(),
                "household" => unpaid.Skip(cursor).FirstOrDefault(p => p.Household is not null) ?? NextPayer(),
                "cut company name" => unpaid.Skip(cursor).FirstOrDefault(p => p.IsCompany && p.BankName.Length >= 40) ?? NextPayer(),
                _ => NextPayer(),
            };
            if (scenario is "arrears and this year" or "household" or "cut company name")
            {
                // take the chosen member out of the queue so they are not drawn again
                var at = unpaid.IndexOf(member, cursor);
                if (at >= cursor) { unpaid.RemoveAt(at); unpaid.Insert(cursor, member); cursor++; }
            }

            var firstOpen = member.Invoices.FirstOrDefault(i => remaining[i.InvoiceId] > 0) ?? member.Invoices[0];
            var one = remaining[firstOpen.InvoiceId] > 0 ? remaining[firstOpen.InvoiceId] : firstOpen.AmountDue;
            var all = Math.Max(OpenTotal(member), one);
            string name = member.BankName;
            long amt = rng.NextDouble() < 0.5 ? all : one;
            var household = false;
            var identified = false;
            switch (scenario)
            {
                case "own name":
                case "arrears and this year":
                case "cut company name":
                    if (scenario == "arrears and this year") amt = all;
                    identified = UniqueReading(name, member.Id);
                    break;
                case "member number":
                    name = NumberTyped(rng, member.Number, name);
                    identified = true;
                    break;
                case "remembered payer":
                    if (aliasPayers.TryGetValue(member.Id, out var known))
                    {
                        name = Pick(rng, known);
                        identified = UniqueAlias(name, member.Id);
                    }
                    else identified = UniqueReading(name, member.Id);
                    break;
                case "spouse with number":
                    name = NumberTyped(rng, member.Number, member.IsCompany ? member.BankName : BankRendering(member.Family + " " + GivenName(rng), true));
                    identified = true;
                    break;
                case "spouse unknown":
                    name = member.IsCompany ? member.BankName : BankRendering(member.Family + " " + GivenName(rng), true);
                    identified = member.IsCompany && UniqueReading(name, member.Id) ||
                                 UniqueAlias(name, member.Id) && aliasPayers.ContainsKey(member.Id);
                    break;
                case "employer unknown":
                    name = BankRendering(CompanyFull(NewCompany(rng)), true);
                    identified = false;
                    break;
                case "household":
                    household = member.Household is not null;
                    amt = household ? HouseholdTotal(member) : all;
                    identified = UniqueReading(name, member.Id);
                    break;
                case "fee deducted":
                    amt = one - Pick(rng, [220L, 330L, 440L, 660L, 770L, 880L]);
                    identified = UniqueReading(name, member.Id);
                    break;
                case "donation":
                    amt = all + Pick(rng, [1000L, 2000L, 3000L, 5000L, 10000L]);
                    identified = UniqueReading(name, member.Id);
                    break;
                case "odd amount":
                    amt = Math.Max(100, one - rng.Next(10, 40) * 100);
                    identified = UniqueReading(name, member.Id);
                    break;
                case "number typo":
                    identified = UniqueReading(name, member.Id);   // the name says who; the number contradicts it
                    name = NumberTyped(rng, Typo(rng, member.Number), name);
                    break;
            }
            // The amount must fit exactly and nothing in the text may contradict the member.
            var hesitation = scenario is "fee deducted" or "donation" or "odd amount" or "number typo";
            var obvious = identified && !hesitation && ExactFit(member, amt, household);
            credits.Add(new(new BankCredit(id, booked, amt, name), member.Id, obvious, scenario, identified));
            Post(member, amt, household);
        }
        return new SyntheticData(invoices, aliases, credits)
        {
            Register = people.Select(p => new RegisteredMember(p.Id, p.Number, p.Furigana)).ToList(),
        };
    }

    private static Person NewCompany(Random rng) => new()
    {
        IsCompany = true, Family = Pick(rng, CompanyHeads) + Pick(rng, CompanyTails), LegalForm = rng.Next(LegalForms.Length),
        FormFirst = rng.NextDouble() < 0.6, Branch = Pick(rng, CompanyBranches),
    };

    /// <summary>The official name in katakana, legal form spelt out where it stands.</summary>
    private static string CompanyFull(Person p)
    {
        var form = LegalForms[p.LegalForm].Spelt;
        return (p.FormFirst ? form + " " + p.Family : p.Family + " " + form) + p.Branch;
    }

    /// <summary>Furigana as office staff type them: mostly full-width katakana, sometimes hiragana, half-width, no space.</summary>
    private static string StaffTyping(Random rng, Person p)
    {
        string text;
        if (p.IsCompany)
        {
            var spelt = LegalForms[p.LegalForm].Spelt;
            text = rng.NextDouble() switch
            {
                < 0.45 => p.Family,
                < 0.75 => p.FormFirst ? spelt + " " + p.Family : p.Family + " " + spelt,
                < 0.9 => p.FormFirst ? "(" + LegalForms[p.LegalForm].Abbrev.Normalize(NormalizationForm.FormKC) + ")" + p.Family : p.Family,
                _ => p.Family + p.Branch,
            };
            return text;
        }
        var family = p.Family;
        var given = p.Given;
        if (rng.NextDouble() < 0.3) given = given.Replace("ョー", "ョウ").Replace("ォー", "ォウ");   // ジョージ typed ジョウジ
        if (rng.NextDouble() < 0.015)
        {
            // a typo in the register: a letter missing or doubled
            p.FuriganaTypo = true;
            var at = rng.Next(given.Length);
            given = rng.NextDouble() < 0.5 && given.Length > 2 ? given.Remove(at, 1) : given.Insert(at, given[at].ToString());
        }
        var r = rng.NextDouble();
        var sep = r < 0.7 ? (rng.NextDouble() < 0.5 ? " " : "　") : "";
        text = family + sep + given;
        r = rng.NextDouble();
        if (r < 0.15) text = ToHiragana(text);
        else if (r < 0.22) text = ToHalfWidthKeepSmall(text);
        return text;
    }

    /// <summary>How a bank writes a name in the 48-byte 振込依頼人名: half-width, no small kana, "-" for ー, legal forms abbreviated.</summary>
    private static string BankRendering(string katakana, bool keepSpace)
    {
        var name = katakana;
        foreach (var (spelt, abbrev) in LegalForms.Distinct())
        {
            if (name.StartsWith(spelt + " ", StringComparison.Ordinal)) name = abbrev + ")" + name[(spelt.Length + 1)..];
            else if (name.Contains(" " + spelt, StringComparison.Ordinal))
            {
                var at = name.IndexOf(" " + spelt, StringComparison.Ordinal);
                var rest = name[(at + spelt.Length + 1)..];
                name = name[..at] + (rest.Length == 0 ? "(" + abbrev : "(" + abbrev + ")" + rest.TrimStart());
            }
        }
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (c is ' ' or '　') { if (keepSpace) sb.Append(' '); continue; }
            sb.Append(HalfWidth(LargeKana(c)));
        }
        var s = sb.ToString().ToUpperInvariant();
        return s.Length > PayerNameNormalizer.ZenginPayerFieldBytes ? s[..PayerNameNormalizer.ZenginPayerFieldBytes] : s;
    }

    private static string NumberTyped(Random rng, string number, string name) => rng.Next(6) switch
    {
        0 => number + " " + name,
        1 => number + name,
        2 => "0" + number + " " + name,
        3 => name + " " + number,
        4 => name + number,
        _ => number + " " + name,
    } is var s && s.Length > PayerNameNormalizer.ZenginPayerFieldBytes ? s[..PayerNameNormalizer.ZenginPayerFieldBytes] : s;

    private static string Typo(Random rng, string number)
    {
        var digits = number.ToCharArray();
        var at = rng.Next(digits.Length - 1);
        if (digits[at] != digits[at + 1]) (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
        else digits[at] = (char)('0' + (digits[at] - '0' + 1) % 10);
        return new string(digits);
    }

    private static string Compact(string bankName) => bankName.Replace(" ", "");

    private const string Small = "ァィゥェォッャュョヮヵヶ";
    private const string Large = "アイウエオツヤユヨワカケ";

    private static char LargeKana(char c)
    {
        var i = Small.IndexOf(c);
        return i >= 0 ? Large[i] : c;
    }

    private static readonly Dictionary<char, string> HalfWidthMap = BuildHalfWidthMap();

    private static Dictionary<char, string> BuildHalfWidthMap()
    {
        var map = new Dictionary<char, string>();
        for (var c = '\uFF66'; c <= '\uFF9D'; c++)
        {
            foreach (var suffix in new[] { "", "\uFF9E", "\uFF9F" })
            {
                var half = c + suffix;
                var full = half.Normalize(NormalizationForm.FormKC);
                if (full.Length == 1 && !map.ContainsKey(full[0])) map[full[0]] = half;
            }
        }
        map['ー'] = "-";
        map['ヴ'] = "ｳﾞ";
        return map;
    }

    private static string HalfWidth(char c) => HalfWidthMap.TryGetValue(c, out var h) ? h : c.ToString();

    private static string ToHalfWidthKeepSmall(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            var small = Small.IndexOf(c);
            sb.Append(small >= 0 && small < 9 ? ((char)("ｧｨｩｪｫｯｬｭｮ"[small])).ToString() : c == '　' ? " " : c == 'ー' ? "ｰ" : HalfWidth(c));
        }
        return sb.ToString();
    }

    private static string ToHiragana(string s) =>
        new(s.Select(c => c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c).ToArray());

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string PickWeighted(Random rng, (string Name, double Weight)[] items)
    {
        var total = items.Sum(i => i.Weight);
        var x = rng.NextDouble() * total;
        foreach (var (name, weight) in items)
        {
            if (x < weight) return name;
            x -= weight;
        }
        return items[^1].Name;
    }
}
