using MemberHub.Payments;

namespace MemberHub.Benchmarks.Matching;

/// <summary>How the matcher's proposals compare with the truth of a generated bank file.</summary>
public sealed record MatchingStatistics(
    int Credits,
    int Obvious,
    int ObviousApplied,
    int AppliedTotal,
    int WrongAutomatic,
    int Rest,
    int RestFirstCandidateRight,
    int RestDeterminable,
    int RestDeterminableFirstRight,
    int NonMemberCredits,
    int NonMemberWithCandidates,
    int OverAllocatedInvoices,
    IReadOnlyList<(string Scenario, int Count, int Obvious, int Applied, int Wrong, int FirstRight)> ByScenario)
{
    public double AutomaticShareOfObvious => Obvious == 0 ? 1 : (double)ObviousApplied / Obvious;
    public double FirstCandidateAccuracyOfRest => Rest == 0 ? 1 : (double)RestFirstCandidateRight / Rest;
    public double FirstCandidateAccuracyOfDeterminableRest => RestDeterminable == 0 ? 1 : (double)RestDeterminableFirstRight / RestDeterminable;

    public static MatchingStatistics Compute(SyntheticData data, IReadOnlyList<MatchProposal> proposals)
    {
        var rows = data.Credits.Zip(proposals, (c, p) => (Case: c, Proposal: p)).ToList();
        bool FirstRight((SyntheticCredit Case, MatchProposal Proposal) r) =>
            r.Case.TrueMemberId is { } m && r.Proposal.Candidates.Count > 0 && r.Proposal.Candidates[0].MemberId == m;
        bool Wrong((SyntheticCredit Case, MatchProposal Proposal) r) => r.Proposal.AutoApply && !FirstRight(r);

        var rest = rows.Where(r => !r.Proposal.AutoApply && r.Case.TrueMemberId is not null).ToList();
        var due = data.Invoices.ToDictionary(i => i.InvoiceId, i => i.AmountDue);
        var overAllocated = proposals.Where(p => p.Candidates.Count > 0)
            .SelectMany(p => p.Candidates[0].Allocations)
            .GroupBy(a => a.InvoiceId)
            .Count(g => g.Sum(a => a.Amount) > due[g.Key]);

        return new MatchingStatistics(
            rows.Count,
            rows.Count(r => r.Case.Obvious),
            rows.Count(r => r.Case.Obvious && r.Proposal.AutoApply && FirstRight(r)),
            rows.Count(r => r.Proposal.AutoApply),
            rows.Count(Wrong),
            rest.Count,
            rest.Count(FirstRight),
            rest.Count(r => r.Case.Determinable),
            rest.Count(r => r.Case.Determinable && FirstRight(r)),
            rows.Count(r => r.Case.TrueMemberId is null),
            rows.Count(r => r.Case.TrueMemberId is null && r.Proposal.Candidates.Count > 0),
            overAllocated,
            rows.GroupBy(r => r.Case.Scenario)
                .Select(g => (g.Key, g.Count(), g.Count(r => r.Case.Obvious), g.Count(r => r.Proposal.AutoApply), g.Count(Wrong), g.Count(FirstRight)))
                .OrderByDescending(x => x.Item2)
                .ToList());
    }
}
