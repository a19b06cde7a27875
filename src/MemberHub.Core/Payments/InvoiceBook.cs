namespace MemberHub.Payments;

/// <summary>A member as the matcher sees them: known only through their open invoices.</summary>
internal sealed class Member(long id, string numberKey, PayerName name, long? householdId)
{
    public long Id { get; } = id;
    public string NumberKey { get; } = numberKey;
    public PayerName Name { get; } = name;
    public long? HouseholdId { get; } = householdId;
    /// <summary>Oldest first: arrears are paid before this year's dues.</summary>
    public List<OpenInvoice> Invoices { get; } = [];
}

internal readonly record struct AmountFit(IReadOnlyList<Allocation> Allocations, MatchReasons Reasons, double Score,
    long Unallocated, long Shortfall);

/// <summary>
/// The open invoices and remembered payers of one matching run, indexed for lookup, with what is still due
/// on each invoice after the allocations reserved so far in the batch.
/// </summary>
internal sealed class InvoiceBook
{
    private static readonly IReadOnlyList<Member> None = [];

    private readonly Dictionary<long, Member> _members = [];
    private readonly Dictionary<long, long> _remaining = [];
    private readonly Dictionary<string, List<Member>> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Member>> _byInvoiceNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Member>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Member>> _byFamily = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<Member>> _households = [];
    private readonly Dictionary<string, List<long>> _aliases = new(StringComparer.Ordinal);
    private readonly (string Key, Member Member)[] _namesSorted;
    private readonly (string Key, long MemberId)[] _aliasesSorted;
    private readonly Member[] _memberList;
    private readonly Dictionary<int, List<int>> _bigrams = [];
    // Scratch counters for SimilarMembers, one per thread that evaluates credits at the same time (zeroed after each use).
    private readonly System.Collections.Concurrent.ConcurrentBag<int[]> _bigramCounters = [];

    public InvoiceBook(IReadOnlyList<OpenInvoice> invoices, IReadOnlyList<PayerAlias> aliases,
        IReadOnlyList<RegisteredMember>? register = null)
    {
        foreach (var invoice in invoices
                     .Where(i => i.AmountDue > 0)
                     .OrderBy(i => i.MemberId).ThenBy(i => i.IssuedOn).ThenBy(i => i.InvoiceId))
        {
            if (!_remaining.TryAdd(invoice.InvoiceId, invoice.AmountDue)) continue;  // the same invoice listed twice
            if (!_members.TryGetValue(invoice.MemberId, out var member))
            {
                member = new Member(invoice.MemberId, PayerNameNormalizer.NumberKey(invoice.MemberNumber),
                    PayerNameNormalizer.Parse(invoice.MemberNameKana), invoice.HouseholdId);
                _members.Add(member.Id, member);
                if (member.NumberKey.Length > 0) Add(_byNumber, member.NumberKey, member);
                if (member.Name.LooseKey.Length > 0) Add(_byName, member.Name.LooseKey, member);
                if (member.Name.FamilyKey.Length >= 2) Add(_byFamily, member.Name.FamilyKey, member);
                if (member.HouseholdId is { } h) Add(_households, h, member);
            }
            member.Invoices.Add(invoice);
            _invoiceMember[invoice.InvoiceId] = member;
            foreach (var invoiceKey in PayerNameNormalizer.InvoiceNumberKeys(invoice.InvoiceNumber))
                if (invoiceKey.Length >= 4 && (!_byInvoiceNumber.TryGetValue(invoiceKey, out var list) || !list.Contains(member)))
                    Add(_byInvoiceNumber, invoiceKey, member);
        }

        foreach (var alias in aliases)
        {
            var key = PayerNameNormalizer.Parse(alias.PayerName).LooseKey;
            if (key.Length == 0) continue;
            if (!_aliases.TryGetValue(key, out var ids)) _aliases[key] = ids = [];
            if (!ids.Contains(alias.MemberId)) ids.Add(alias.MemberId);
        }

        if (register is not null)
        {
            // Names of the whole register (members with open invoices included, whether or not the caller listed them).
            var seen = new HashSet<long>();
            void Count(long id, string key)
            {
                if (key.Length == 0 || !seen.Add(id)) return;
                _registerNames[key] = _registerNames.GetValueOrDefault(key) + 1;
            }
            foreach (var m in _members.Values) Count(m.Id, m.Name.LooseKey);
            foreach (var r in register)
            {
                if (_members.ContainsKey(r.MemberId)) continue;
                // A member with nothing open is still a candidate (shown as 未納なし): the treasurer sees who paid
                // and decides (a donation, a payment in advance, a refund) instead of searching for them.
                var member = new Member(r.MemberId, PayerNameNormalizer.NumberKey(r.MemberNumber), PayerNameNormalizer.Parse(r.MemberNameKana), null);
                _members.Add(member.Id, member);
                if (member.NumberKey.Length > 0) Add(_byNumber, member.NumberKey, member);
                if (member.Name.LooseKey.Length > 0)
                {
                    Add(_byName, member.Name.LooseKey, member);
                    _registerNames[member.Name.LooseKey] = _registerNames.GetValueOrDefault(member.Name.LooseKey) + 1;
                }
                if (member.Name.FamilyKey.Length >= 2) Add(_byFamily, member.Name.FamilyKey, member);
            }
            _registerSorted = _registerNames.Keys.Order(StringComparer.Ordinal).ToArray();
        }

        _memberList = _members.Values.OrderBy(m => m.Id).ToArray();
        _namesSorted = _memberList.Where(m => m.Name.LooseKey.Length > 0)
            .Select(m => (m.Name.LooseKey, m)).OrderBy(x => x.LooseKey, StringComparer.Ordinal).ToArray();
        _aliasesSorted = _aliases.SelectMany(kv => kv.Value.Select(id => (kv.Key, id)))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < _memberList.Length; i++)
            foreach (var b in Bigrams(_memberList[i].Name.LooseKey).Distinct())
                Add(_bigrams, b, i);
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }

    public IReadOnlyList<Member> MembersByNumber(string number) =>
        _byNumber.TryGetValue(number, out var list) ? list : None;

    public IReadOnlyList<Member> MembersByInvoiceNumber(string number) =>
        _byInvoiceNumber.TryGetValue(number, out var list) ? list : None;

    /// <summary>Members whose name is the payer's; for a name the bank may have cut, members whose name begins with it.</summary>
    public IReadOnlyList<Member> MembersByName(PayerName payer)
    {
        var key = payer.LooseKey;
        if (key.Length == 0) return None;
        var found = _byName.TryGetValue(key, out var exact) ? exact.Where(m => !CompanyMismatch(payer, m)).ToList() : [];
        if (found.Count == 0)
            foreach (var cut in payer.WithoutBranch)
                if (_byName.TryGetValue(cut, out var branchless))
                    found.AddRange(branchless.Where(m => !found.Contains(m) && !CompanyMismatch(payer, m)));
        if (payer.MayBeTruncated && key.Length >= 4)
        {
            // The last character may be half of a voiced kana (ｶﾞ cut after ｶ): compare without it.
            var prefix = key[..^1];
            foreach (var (_, m) in PrefixRange(_namesSorted, prefix))
                if (!found.Contains(m) && !CompanyMismatch(payer, m)) found.Add(m);
        }
        return found;
    }

    /// <summary>
    /// A company paying under a name that staff typed as a person's (family and given name with a space):
    /// ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ (山田商事) is not ヤマダ ショウジ (山田昭二); nor is ｼﾔ)ｻﾝﾌﾄﾞｳｻﾝ the ｶ)ｻﾝﾌﾄﾞｳｻﾝ when the register
    /// says which legal form each has.
    /// </summary>
    private static bool CompanyMismatch(PayerName payer, Member m) =>
        payer.IsCompany && !m.Name.IsCompany && m.Name.FamilyKey.Length > 0 ||
        payer.LegalForm.Length > 0 && m.Name.LegalForm.Length > 0 && payer.LegalForm != m.Name.LegalForm;

    private readonly Dictionary<string, int> _registerNames = new(StringComparer.Ordinal);
    private string[]? _registerSorted;

    /// <summary>
    /// How many members of the whole register have the payer's name (for a name the bank may have cut, a name
    /// beginning so); 0 when no register was given.
    /// </summary>
    public int RegisterNameShare(PayerName payer)
    {
        if (_registerSorted is null || payer.LooseKey.Length == 0) return 0;
        var count = _registerNames.GetValueOrDefault(payer.LooseKey);
        if (payer.MayBeTruncated && payer.LooseKey.Length >= 4)
        {
            var prefix = payer.LooseKey[..^1];
            count = 0;
            var lo = Array.BinarySearch(_registerSorted, prefix, StringComparer.Ordinal);
            for (var i = lo < 0 ? ~lo : lo; i < _registerSorted.Length && _registerSorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
                count += _registerNames[_registerSorted[i]];
        }
        return count;
    }

    /// <summary>
    /// Another member who could as well be the payer's: a name that differs by a letter or two (a typo in the
    /// furigana), or, with <paramref name="sameFamily"/>, the same family name (a spouse or parent the register does
    /// not link), and whose open invoices fit the amount exactly too. Household members are known and not counted.
    /// </summary>
    public bool AnotherFits(Member candidate, PayerName payer, long amount, bool sameFamily)
    {
        bool Fits(Member m)
        {
            if (m.Id == candidate.Id || m.HouseholdId is { } h && h == candidate.HouseholdId) return false;
            var open = Open(m);
            return open.Count > 0 && (open.Any(x => x.Due == amount) || open.Sum(x => x.Due) == amount);
        }
        foreach (var (m, similarity) in SimilarMembers(payer, 8))
            if (similarity >= 0.9 && Fits(m)) return true;
        if (!sameFamily || payer.IsCompany) return false;
        var family = payer.FamilyKey.Length >= 2 ? payer.FamilyKey : candidate.Name.FamilyKey;
        if (family.Length < 2) return false;
        if (_byFamily.TryGetValue(family, out var relatives) && relatives.Any(Fits)) return true;
        // Members typed without a space whose name begins with the family name.
        foreach (var (_, m) in PrefixRange(_namesSorted, family))
            if (m.Name.FamilyKey.Length == 0 && Fits(m)) return true;
        return false;
    }

    public IReadOnlyList<Member> AliasMembers(PayerName payer)
    {
        var key = payer.LooseKey;
        if (key.Length == 0) return None;
        var ids = new List<long>();
        if (_aliases.TryGetValue(key, out var exact)) ids.AddRange(exact);
        if (payer.MayBeTruncated && key.Length >= 4)
            foreach (var (_, id) in PrefixRange(_aliasesSorted, key[..^1]))
                if (!ids.Contains(id)) ids.Add(id);
        return ids.Select(id => _members.TryGetValue(id, out var m) ? m : new Member(id, "", PayerNameNormalizer.Parse(""), null)).ToList();
    }

    /// <summary>Members whose family name begins the payer name (a spouse or parent paying), if there are few of them.</summary>
    public IReadOnlyList<Member> MembersByFamily(PayerName payer)
    {
        const int MaxFamily = 8;
        if (payer.FamilyKey.Length >= 2)
            return _byFamily.TryGetValue(payer.FamilyKey, out var list) && list.Count <= MaxFamily ? list : None;
        for (var len = Math.Min(payer.LooseKey.Length - 1, 8); len >= 2; len--)
            if (_byFamily.TryGetValue(payer.LooseKey[..len], out var list))
                return list.Count <= MaxFamily ? list : None;
        return None;
    }

    /// <summary>Members whose name resembles the payer's (shared letter pairs), best first.</summary>
    public IEnumerable<(Member Member, double Similarity)> SimilarMembers(PayerName payer, int max)
    {
        var key = payer.LooseKey;
        if (key.Length < 3) return [];
        var grams = Bigrams(key).Distinct().ToArray();
        var touched = new List<int>();
        var counts = _bigramCounters.TryTake(out var free) ? free : new int[_memberList.Length];
        foreach (var g in grams)
            if (_bigrams.TryGetValue(g, out var posting))
                foreach (var i in posting)
                {
                    if (counts[i]++ == 0) touched.Add(i);
                }
        var found = new List<(Member, double)>();
        foreach (var i in touched)
        {
            var common = counts[i];
            counts[i] = 0;
            var m = _memberList[i];
            var memberGrams = Math.Max(1, m.Name.LooseKey.Length - 1);
            var dice = 2.0 * common / (grams.Length + memberGrams);
            if (m.Name.LooseKey.Length >= 4 && key.Contains(m.Name.LooseKey, StringComparison.Ordinal)) dice = Math.Max(dice, 0.8);
            if (dice >= 0.6 && !CompanyMismatch(payer, m)) found.Add((m, Math.Round(dice, 4)));
        }
        _bigramCounters.Add(counts);
        return found.OrderByDescending(x => x.Item2).ThenBy(x => x.Item1.Id).Take(max).ToList();
    }

    private static IEnumerable<(string, T)> PrefixRange<T>((string Key, T Value)[] sorted, string prefix)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(sorted[mid].Key, prefix) < 0) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < sorted.Length && sorted[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return sorted[i];
    }

    private static IEnumerable<int> Bigrams(string key)
    {
        for (var i = 0; i + 1 < key.Length; i++) yield return key[i] << 16 | key[i + 1];
    }

    private readonly Dictionary<long, Member> _invoiceMember = [];
    private readonly HashSet<long> _touched = [];

    public void Reserve(long invoiceId, long amount)
    {
        if (!_remaining.TryGetValue(invoiceId, out var r)) return;
        _remaining[invoiceId] = r - amount;
        var member = _invoiceMember[invoiceId];
        _touched.Add(member.Id);
        if (member.HouseholdId is { } h && _households.TryGetValue(h, out var mates))
            foreach (var m in mates) _touched.Add(m.Id);
    }

    /// <summary>What is still due on an open invoice after the reservations so far (0 if unknown).</summary>
    public long Remaining(long invoiceId) => _remaining.GetValueOrDefault(invoiceId);

    /// <summary>Something of this member's (or their household's) was reserved in this batch.</summary>
    public bool IsTouched(long memberId) => _touched.Contains(memberId);

    private List<(OpenInvoice Invoice, long Due)> Open(Member m) =>
        m.Invoices.Select(i => (i, _remaining[i.InvoiceId])).Where(x => x.Item2 > 0).ToList();

    /// <summary>How the amount pays the member's open invoices (or, for one transfer covering a household, the household's).</summary>
    public AmountFit Fit(Member m, long amount, MatchOptions options)
    {
        var open = Open(m);
        if (amount <= 0 || open.Count == 0)
            return new AmountFit([], MatchReasons.NothingOpen, 0, Math.Max(0, amount), 0);

        var total = open.Sum(x => x.Due);
        var single = open.FirstOrDefault(x => x.Due == amount);
        if (single.Invoice is not null)
            return new AmountFit([new Allocation(single.Invoice.InvoiceId, amount)], MatchReasons.ExactOneInvoice, 1, 0, 0);
        if (amount == total)
            return new AmountFit(AllOf(open), MatchReasons.ExactAllInvoices, 1, 0, 0);

        long running = 0;
        for (var k = 0; k < open.Count - 1; k++)
        {
            running += open[k].Due;
            if (running == amount)
                return new AmountFit(AllOf(open.Take(k + 1)), MatchReasons.ExactOldestInvoices, 0.9, 0, 0);
        }

        var household = HouseholdOpen(m);
        var householdTotal = household.Sum(x => x.Due);
        if (household.Count > open.Count)
        {
            if (amount == householdTotal)
                return new AmountFit(AllOf(household), MatchReasons.ExactHousehold, 1, 0, 0);
            // one invoice for each member of the household (this year's dues for both, arrears left open)
            var oldestEach = household.GroupBy(x => x.Invoice.MemberId).Select(g => g.First()).ToList();
            if (oldestEach.Sum(x => x.Due) == amount)
                return new AmountFit(AllOf(oldestEach), MatchReasons.ExactHousehold, 1, 0, 0);
        }

        // A little short of one invoice, of everything, or of the household: the payer deducted the bank fee.
        // The closest fit wins; on a tie the single invoice (oldest first), then everything, then the household.
        List<(OpenInvoice Invoice, long Due)>? feeTarget = null;
        var feeShort = long.MaxValue;
        void Consider(List<(OpenInvoice Invoice, long Due)> invoices, long due)
        {
            var shortBy = due - amount;
            if (shortBy > 0 && shortBy <= options.MaxFeeDeduction && shortBy < feeShort) { feeTarget = invoices; feeShort = shortBy; }
        }
        foreach (var x in open)
            if (x.Due - amount > 0 && x.Due - amount <= options.MaxFeeDeduction && x.Due - amount < feeShort)
                Consider([x], x.Due);
        Consider(open, total);
        if (household.Count > open.Count) Consider(household, householdTotal);
        if (feeTarget is not null)
            return new AmountFit(OldestFirst(feeTarget, amount), MatchReasons.FeeDeducted, 0.8, 0, feeShort);

        if (amount > total)
        {
            var pool = household.Count > open.Count && amount > householdTotal ? household : open;
            var poolTotal = pool.Sum(x => x.Due);
            return new AmountFit(AllOf(pool), MatchReasons.Surplus, 0.6, amount - poolTotal, 0);
        }

        var partial = OldestFirst(open, amount);
        var touched = partial.Select(a => a.InvoiceId).ToHashSet();
        var shortfall = open.Where(x => touched.Contains(x.Invoice.InvoiceId)).Sum(x => x.Due) - amount;
        return new AmountFit(partial, MatchReasons.PartialPayment, 0.3, 0, shortfall);
    }

    private List<(OpenInvoice Invoice, long Due)> HouseholdOpen(Member m)
    {
        if (m.HouseholdId is not { } h || !_households.TryGetValue(h, out var members) || members.Count < 2) return [];
        return members.OrderBy(x => x.Id == m.Id ? 0 : 1).ThenBy(x => x.Id).SelectMany(Open).ToList();
    }

    private static List<Allocation> AllOf(IEnumerable<(OpenInvoice Invoice, long Due)> invoices) =>
        invoices.Select(x => new Allocation(x.Invoice.InvoiceId, x.Due)).ToList();

    private static List<Allocation> OldestFirst(IEnumerable<(OpenInvoice Invoice, long Due)> invoices, long amount)
    {
        var result = new List<Allocation>();
        foreach (var (invoice, due) in invoices.OrderBy(x => x.Invoice.IssuedOn).ThenBy(x => x.Invoice.InvoiceId))
        {
            if (amount <= 0) break;
            var take = Math.Min(due, amount);
            result.Add(new Allocation(invoice.InvoiceId, take));
            amount -= take;
        }
        return result;
    }
}

internal static class NameSimilarity
{
    /// <summary>Dice coefficient over letter pairs; 1 for equal names. A name contained in the other counts 0.8.</summary>
    public static double Of(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        if (a.Length < 2 || b.Length < 2) return 0;
        var pairs = new Dictionary<int, int>();
        for (var i = 0; i + 1 < a.Length; i++)
        {
            var g = a[i] << 16 | a[i + 1];
            pairs[g] = pairs.GetValueOrDefault(g) + 1;
        }
        var common = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            var g = b[i] << 16 | b[i + 1];
            if (pairs.TryGetValue(g, out var n) && n > 0) { common++; pairs[g] = n - 1; }
        }
        var dice = 2.0 * common / (a.Length - 1 + b.Length - 1);
        if (Math.Min(a.Length, b.Length) >= 4 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)))
            dice = Math.Max(dice, 0.8);
        return dice;
    }
}
