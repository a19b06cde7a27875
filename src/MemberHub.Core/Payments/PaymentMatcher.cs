namespace MemberHub.Payments;

/// <summary>Settings of the matcher; the defaults are what DOMAIN.md describes.</summary>
public sealed record MatchOptions
{
    public static readonly MatchOptions Default = new();

    /// <summary>The largest bank fee a payer is assumed to deduct (880円 is the dearest common transfer fee).</summary>
    public long MaxFeeDeduction { get; init; } = 880;

    /// <summary>At most this many candidates per credit.</summary>
    public int MaxCandidates { get; init; } = 5;

    /// <summary>
    /// Apply automatically when only the name identifies the member (no number, no remembered payer). A person
    /// who shares the name of a member with exactly that amount open cannot be told apart by any rule; an
    /// organisation that would rather look at every such line turns this off.
    /// </summary>
    public bool AutoApplyOnNameAlone { get; init; } = true;

    /// <summary>
    /// A name alone is not applied automatically when another member of the same family name (a spouse or parent
    /// the register does not link) also has exactly this amount open: the payer may be paying for them.
    /// </summary>
    public bool HesitateOnSameFamily { get; init; }

    /// <summary>The settings for an organisation's choice of how readily transfers are posted without a person looking.</summary>
    public static MatchOptions For(AutoPostingMode mode) => mode switch
    {
        AutoPostingMode.Cautious => Default with { HesitateOnSameFamily = true },
        AutoPostingMode.NumbersAndRememberedPayersOnly => Default with { AutoApplyOnNameAlone = false },
        _ => Default,
    };
}

/// <summary>
/// How readily an organisation lets transfers be posted without a person looking. Standard posts a name alone when
/// nothing in the register or the file could make a careful treasurer hesitate; a relative whose full name is exactly
/// another member's, paying exactly what that member owes, cannot be told apart by anyone. Cautious also leaves for a
/// person every transfer whose payer shares the family name of another member who owes the same amount (about half of
/// the name-only postings); the strictest posts only transfers that name a member number or a remembered payer.
/// </summary>
public enum AutoPostingMode
{
    Standard = 0,
    Cautious = 1,
    NumbersAndRememberedPayersOnly = 2,
}

/// <summary>
/// Proposes, for each bank credit, which member it comes from and how it pays their open invoices.
/// Pure: no database and no clock, the same input always gives the same output.
/// <para>
/// Evidence, strongest first (DOMAIN.md §4): a member or invoice number typed in the payer name, a payer
/// remembered from an earlier decision, an exact amount, a name. A proposal is applied automatically only
/// when a person would not hesitate: exactly one member is identified (number with a name that agrees,
/// a payer remembered for that member only, or a name that no other member with open invoices has) and the
/// amount is exactly one open invoice, all open invoices of the member, or all of the household's.
/// Fees deducted, donations, partial payments, members with nothing open and anything ambiguous are proposals
/// for a person to confirm.
/// </para>
/// <para>
/// Allocations across the whole batch never exceed what an invoice has due: the first candidate of each
/// proposal reserves its allocations (the proposals that are applied automatically first, then the others in
/// file order), so a transfer that appears twice finds nothing open the second time.
/// </para>
/// </summary>
public static class PaymentMatcher
{
    public static IReadOnlyList<MatchProposal> Propose(IReadOnlyList<BankCredit> credits,
        IReadOnlyList<OpenInvoice> openInvoices, IReadOnlyList<PayerAlias> aliases) =>
        Propose(credits, openInvoices, aliases, MatchOptions.Default);

    /// <param name="register">
    /// Every member of the register (with or without open invoices). When given, a name alone is applied
    /// automatically only if no other member anywhere in the register has that name: a namesake who paid already
    /// is as likely to be the payer as the one with something open. Without it, only members with open invoices
    /// are known and the name must be unique among them.
    /// </param>
    public static IReadOnlyList<MatchProposal> Propose(IReadOnlyList<BankCredit> credits,
        IReadOnlyList<OpenInvoice> openInvoices, IReadOnlyList<PayerAlias> aliases, MatchOptions options,
        IReadOnlyList<RegisteredMember>? register = null)
    {
        ArgumentNullException.ThrowIfNull(credits);
        ArgumentNullException.ThrowIfNull(openInvoices);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(options);

        // Reading 20,000 names and weighing 10,000 credits against the book are independent per item: both run on every
        // core (the results land at their own index, so the output is the same as in one thread).
        Parallel.ForEach(openInvoices.Select(i => i.MemberNameKana).Concat(register?.Select(r => r.MemberNameKana) ?? []).Chunk(512),
            names => { foreach (var name in names) PayerNameNormalizer.Parse(name); });
        var book = new InvoiceBook(openInvoices, aliases, register);
        var payers = new PayerName[credits.Count];
        Parallel.For(0, credits.Count, i => payers[i] = PayerNameNormalizer.Parse(credits[i].PayerName));
        // A name that pays more than once in the batch (a duplicate line, a namesake, two years in two transfers):
        // which transfer pays what is for a person to decide, unless a number or a remembered payer says.
        var namesInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in payers)
            if (p.LooseKey.Length > 0) namesInBatch[p.LooseKey] = namesInBatch.GetValueOrDefault(p.LooseKey) + 1;
        var context = new BatchContext(namesInBatch);

        // First pass against what is open before this batch: which credits are clear enough to apply?
        var initial = new MatchProposal[credits.Count];
        var claims = new int[credits.Count];
        Parallel.For(0, credits.Count, i => initial[i] = Evaluate(credits[i], payers[i], book, options, context, out claims[i]));

        // Two transfers in one file that both claim the same invoice, together for more than is due (the member's own
        // transfer and one from a relative whose name happens to be another member's, or a remembered payer who now
        // pays for someone else): which of them pays it is for a person to decide, so neither is applied automatically,
        // unless one names the member's number and the others do not. A line repeated word for word is one claim: it
        // is the same payer (the repeat finds the invoice paid when it is reserved).
        var claimants = new Dictionary<long, List<int>>();
        var seenText = new HashSet<(long Invoice, string Text, long Amount)>();
        for (var i = 0; i < credits.Count; i++)
            if (claims[i] > 0)
                foreach (var a in initial[i].Candidates[0].Allocations)
                    if (seenText.Add((a.InvoiceId, payers[i].Raw, credits[i].Amount)))
                        (claimants.TryGetValue(a.InvoiceId, out var list) ? list : claimants[a.InvoiceId] = []).Add(i);
        var contested = new HashSet<int>();
        for (var i = 0; i < credits.Count; i++)
        {
            if (!initial[i].AutoApply) continue;
            foreach (var a in initial[i].Candidates[0].Allocations)
            {
                if (!claimants.TryGetValue(a.InvoiceId, out var rivals) || rivals.Count < 2) continue;
                var total = rivals.Sum(j => initial[j].Candidates[0].Allocations.Where(x => x.InvoiceId == a.InvoiceId).Sum(x => x.Amount));
                if (total <= book.Remaining(a.InvoiceId)) continue;
                if (rivals.Any(j => j != i && claims[j] >= claims[i]))
                {
                    contested.Add(i);
                    initial[i] = Contested(initial[i]);
                    break;
                }
            }
        }

        // Reserve in that order: clear credits first (file order), then the rest (file order). A proposal whose
        // members nothing has been reserved from since stays as it was.
        var proposals = new MatchProposal[credits.Count];
        foreach (var pass in new[] { true, false })
            for (var i = 0; i < credits.Count; i++)
            {
                if (initial[i].AutoApply != pass) continue;
                var proposal = initial[i].Candidates.Any(c => book.IsTouched(c.MemberId))
                    ? Evaluate(credits[i], payers[i], book, options, context)
                    : initial[i];
                if (contested.Contains(i) && proposal.AutoApply) proposal = Contested(proposal);
                if (proposal.Candidates.Count > 0)
                    foreach (var a in proposal.Candidates[0].Allocations)
                        book.Reserve(a.InvoiceId, a.Amount);
                proposals[i] = proposal;
            }
        return proposals;
    }

    private static MatchProposal Contested(MatchProposal p) => p with
    {
        AutoApply = false,
        Candidates = [p.Candidates[0] with { Reasons = p.Candidates[0].Reasons | MatchReasons.ContestedInBatch }, .. p.Candidates.Skip(1)],
    };

    private sealed class Evidence(Member member)
    {
        public Member Member { get; } = member;
        public MatchReasons Reasons;
        public int AliasShare = 1;
        public int NameShare = 1;
        /// <summary>Members of the whole register with the payer's name (this one included); 1 without a register.</summary>
        public int RegisterNameShare = 1;
        public double Similarity;
    }

    private sealed record BatchContext(Dictionary<string, int> NamesInBatch);

    private static MatchProposal Evaluate(BankCredit credit, PayerName payer, InvoiceBook book, MatchOptions options, BatchContext context) =>
        Evaluate(credit, payer, book, options, context, out _);

    /// <param name="claim">How firmly the transfer claims the first candidate's invoices (<see cref="ClaimStrength"/>).</param>
    private static MatchProposal Evaluate(BankCredit credit, PayerName payer, InvoiceBook book, MatchOptions options, BatchContext context,
        out int claim)
    {
        var evidence = new Dictionary<long, Evidence>();
        Evidence For(Member m)
        {
            if (!evidence.TryGetValue(m.Id, out var e)) evidence[m.Id] = e = new Evidence(m);
            return e;
        }

        foreach (var n in payer.Numbers)
        {
            foreach (var m in book.MembersByNumber(n)) For(m).Reasons |= MatchReasons.MemberNumber;
            if (n.Length >= 4)
                foreach (var m in book.MembersByInvoiceNumber(n)) For(m).Reasons |= MatchReasons.InvoiceNumber;
        }

        var aliasMembers = book.AliasMembers(payer);
        foreach (var m in aliasMembers)
        {
            var e = For(m);
            e.Reasons |= MatchReasons.RememberedPayer;
            e.AliasShare = aliasMembers.Count;
        }

        var named = book.MembersByName(payer);
        var registerShare = named.Count > 0 ? book.RegisterNameShare(payer) : 0;
        foreach (var m in named)
        {
            var e = For(m);
            e.Reasons |= MatchReasons.FullName;
            e.NameShare = named.Count;
            e.RegisterNameShare = Math.Max(named.Count, registerShare);
        }

        // Names for the members found so far: does the payer name agree with a number or a remembered payer?
        foreach (var e in evidence.Values)
            if ((e.Reasons & MatchReasons.FullName) == 0)
                AddNameAgreement(e, payer);

        var strong = evidence.Values.Any(e => (e.Reasons & (MatchReasons.MemberNumber | MatchReasons.InvoiceNumber |
                                                             MatchReasons.RememberedPayer | MatchReasons.FullName)) != 0);
        if (!strong && payer.LooseKey.Length >= 2)
        {
            foreach (var m in book.MembersByFamily(payer)) For(m).Reasons |= MatchReasons.FamilyName;
            foreach (var (m, similarity) in book.SimilarMembers(payer, 5))
            {
                var e = For(m);
                e.Reasons |= MatchReasons.SimilarName;
                e.Similarity = Math.Max(e.Similarity, similarity);
            }
        }

        var candidates = new List<(MatchCandidate Candidate, Evidence Evidence, double Identity)>(evidence.Count);
        foreach (var e in evidence.Values)
        {
            var identity = IdentityScore(e, payer);
            var fit = book.Fit(e.Member, credit.Amount, options);
            var score = Math.Round(0.9 * identity + 0.1 * fit.Score, 4);
            candidates.Add((new MatchCandidate(e.Member.Id, fit.Allocations, score)
            {
                Reasons = e.Reasons | fit.Reasons,
                Unallocated = fit.Unallocated,
                Shortfall = fit.Shortfall,
            }, e, identity));
        }
        candidates.Sort((a, b) =>
        {
            var c = b.Candidate.Score.CompareTo(a.Candidate.Score);
            return c != 0 ? c : a.Candidate.MemberId.CompareTo(b.Candidate.MemberId);
        });

        var auto = candidates.Count > 0 && IsSafeToApply(candidates[0].Evidence, candidates[0].Candidate, payer,
            candidates.Skip(1).Select(c => c.Evidence), options);
        if (auto && OnNameAlone(candidates[0].Evidence.Reasons) &&
            (context.NamesInBatch.GetValueOrDefault(payer.LooseKey) > 1 ||
             OtherBranch(payer, candidates[0].Evidence.Member.Name) ||
             book.AnotherFits(candidates[0].Evidence.Member, payer, credit.Amount, options.HesitateOnSameFamily)))
            auto = false;
        if (candidates.Count > 0 && !auto && HasConflict(candidates[0].Evidence, payer, candidates.Skip(1).Select(c => c.Evidence)))
            candidates[0] = candidates[0] with
            {
                Candidate = candidates[0].Candidate with { Reasons = candidates[0].Candidate.Reasons | MatchReasons.ConflictingEvidence },
            };

        claim = candidates.Count > 0 ? ClaimStrength(candidates[0].Evidence, candidates[0].Candidate) : 0;
        return new MatchProposal(credit.Id,
            candidates.Take(options.MaxCandidates).Select(c => c.Candidate).ToList(), auto);
    }

    private static void AddNameAgreement(Evidence e, PayerName payer)
    {
        var member = e.Member.Name;
        if (payer.LooseKey.Length == 0 || member.LooseKey.Length == 0) return;
        if (payer.LooseKey == member.LooseKey || payer.WithoutBranch.Contains(member.LooseKey) ||
            payer.MayBeTruncated && payer.LooseKey.Length >= 4 && member.LooseKey.StartsWith(payer.LooseKey[..^1], StringComparison.Ordinal))
        {
            e.Reasons |= MatchReasons.FullName;
            return;
        }
        if (SameFamily(payer, member))
        {
            e.Reasons |= MatchReasons.FamilyName;
            return;
        }
        var similarity = NameSimilarity.Of(payer.LooseKey, member.LooseKey);
        if (similarity >= 0.6)
        {
            e.Reasons |= MatchReasons.SimilarName;
            e.Similarity = similarity;
        }
    }

    /// <summary>
    /// The payer's name begins with the member's family name (a spouse, a parent). Either side's space tells where
    /// the family name ends; with no space on either side, three equal first kana have to do.
    /// </summary>
    private static bool SameFamily(PayerName payer, PayerName member)
    {
        if (payer.IsCompany || member.IsCompany) return false;
        if (member.FamilyKey.Length >= 2)
            return payer.FamilyKey.Length > 0
                ? payer.FamilyKey == member.FamilyKey
                : payer.LooseKey.StartsWith(member.FamilyKey, StringComparison.Ordinal);
        if (payer.FamilyKey.Length >= 2)
            return member.LooseKey.StartsWith(payer.FamilyKey, StringComparison.Ordinal);
        var common = 0;
        while (common < payer.LooseKey.Length && common < member.LooseKey.Length && payer.LooseKey[common] == member.LooseKey[common]) common++;
        return common >= 3;
    }

    private const MatchReasons NameAgrees = MatchReasons.FullName | MatchReasons.FamilyName | MatchReasons.SimilarName | MatchReasons.RememberedPayer;

    /// <summary>
    /// How surely the payer text names this member. The levels are far enough apart that the amount (a tenth of
    /// the score) only orders candidates of the same kind of evidence: a number beats a remembered payer, which
    /// beats a name, whatever the amounts (DOMAIN.md §4); among namesakes the exact amount comes first.
    /// </summary>
    private static double IdentityScore(Evidence e, PayerName payer)
    {
        var r = e.Reasons;
        var agrees = (r & NameAgrees) != 0;
        double s = 0;
        if ((r & MatchReasons.InvoiceNumber) != 0) s = Math.Max(s, agrees ? 0.99 : 0.86);
        if ((r & MatchReasons.MemberNumber) != 0) s = Math.Max(s, agrees ? 0.97 : 0.86);
        if ((r & MatchReasons.RememberedPayer) != 0) s = Math.Max(s, Math.Max(0.5, 0.72 - 0.1 * (e.AliasShare - 1)));
        if ((r & MatchReasons.FullName) != 0) s = Math.Max(s, e.NameShare == 1 ? 0.55 : Math.Max(0.3, 0.4 - 0.02 * (e.NameShare - 2)));
        if ((r & MatchReasons.FamilyName) != 0) s = Math.Max(s, 0.25);
        if ((r & MatchReasons.SimilarName) != 0) s = Math.Max(s, 0.1 + 0.14 * e.Similarity);
        return Math.Min(1, s);
    }

    private const MatchReasons Identifying = MatchReasons.MemberNumber | MatchReasons.InvoiceNumber |
                                             MatchReasons.RememberedPayer | MatchReasons.FullName;

    /// <summary>Another branch or office of the organisation (東京支店 pays, the register has 渋谷事務所): perhaps another member.</summary>
    private static bool OtherBranch(PayerName payer, PayerName member)
    {
        if (member.Branch.Length == 0) return false;
        var branch = payer.Branch;
        // A branch glued to the name (ﾀﾞｲｲﾁﾌｱ-ﾑ(ｼﾔ)ﾄｳｷﾖｳｼﾃﾝ): what follows the member's name.
        if (branch.Length == 0 && payer.WithoutBranch.Contains(member.LooseKey))
            branch = payer.LooseKey[member.LooseKey.Length..];
        return branch.Length > 0 && branch != member.Branch;
    }

    /// <summary>The amount pays the invoices as billed: exactly, less a fee, or with something extra (dues and a donation).</summary>
    private const MatchReasons PaysAsBilled = MatchReasons.ExactOneInvoice | MatchReasons.ExactAllInvoices |
                                              MatchReasons.ExactOldestInvoices | MatchReasons.ExactHousehold | MatchReasons.FeeDeducted |
                                              MatchReasons.Surplus;

    private const MatchReasons PaysExactly = PaysAsBilled & ~MatchReasons.Surplus;

    /// <summary>
    /// How firmly a transfer claims its first candidate's invoices: 0 not at all (a family name, an amount that does
    /// not pay them as billed, evidence pointing elsewhere), 1 by name (the name, a close spelling, a remembered payer),
    /// 2 by a number the name agrees with.
    /// </summary>
    private static int ClaimStrength(Evidence e, MatchCandidate candidate)
    {
        if ((candidate.Reasons & PaysAsBilled) == 0 || candidate.Allocations.Count == 0 ||
            (candidate.Reasons & MatchReasons.ConflictingEvidence) != 0) return 0;
        var r = e.Reasons;
        if ((r & (MatchReasons.MemberNumber | MatchReasons.InvoiceNumber)) != 0 && (r & NameAgrees) != 0) return 2;
        if ((r & (MatchReasons.FullName | MatchReasons.RememberedPayer)) != 0) return 1;
        // A close spelling claims only what it pays exactly (or less a fee): a similar name sending more is someone else.
        return (r & MatchReasons.SimilarName) != 0 && e.Similarity >= 0.7 && (candidate.Reasons & PaysExactly) != 0 ? 1 : 0;
    }

    /// <summary>Nothing but the name says who: no number, no remembered payer.</summary>
    private static bool OnNameAlone(MatchReasons r) =>
        (r & (MatchReasons.MemberNumber | MatchReasons.InvoiceNumber | MatchReasons.RememberedPayer)) == 0;

    private static bool IsSafeToApply(Evidence first, MatchCandidate candidate, PayerName payer, IEnumerable<Evidence> others,
        MatchOptions options)
    {
        var r = first.Reasons;
        var identified =
            (r & MatchReasons.MemberNumber) != 0 && (r & NameAgrees) != 0 ||
            (r & MatchReasons.InvoiceNumber) != 0 && ((r & NameAgrees) != 0 || payer.LooseKey.Length == 0) ||
            (r & MatchReasons.RememberedPayer) != 0 && first.AliasShare == 1 ||
            (r & MatchReasons.FullName) != 0 && first.NameShare == 1 && first.RegisterNameShare <= 1 && options.AutoApplyOnNameAlone;
        if (!identified) return false;
        if (HasConflict(first, payer, others)) return false;
        var fits = candidate.Reasons & (MatchReasons.ExactOneInvoice | MatchReasons.ExactAllInvoices | MatchReasons.ExactHousehold);
        return fits != 0 && candidate.Unallocated == 0 && candidate.Shortfall == 0 && candidate.Allocations.Count > 0;
    }

    /// <summary>
    /// Another member is also named, numbered or remembered for this payer, or the payer typed a number that
    /// is not this member's (a typo, or a member this batch cannot see because nothing of theirs is open).
    /// </summary>
    private static bool HasConflict(Evidence first, PayerName payer, IEnumerable<Evidence> others)
    {
        // A number with the name agreeing tells namesakes apart (and a namesake remembered as a payer): only
        // another number conflicts with it.
        var numbered = (first.Reasons & (MatchReasons.MemberNumber | MatchReasons.InvoiceNumber)) != 0 && (first.Reasons & NameAgrees) != 0;
        var conflicting = numbered ? MatchReasons.MemberNumber | MatchReasons.InvoiceNumber : Identifying;
        if (others.Any(o => (o.Reasons & conflicting) != 0)) return true;
        if ((first.Reasons & (MatchReasons.MemberNumber | MatchReasons.InvoiceNumber)) != 0) return false;
        return payer.Numbers.Any(n => n.Length >= 2);
    }
}
