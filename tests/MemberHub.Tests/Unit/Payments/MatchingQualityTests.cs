using MemberHub.Benchmarks.Matching;
using MemberHub.Payments;

namespace MemberHub.Tests.Unit.Payments;

/// <summary>
/// The matcher against generated bank files (see tests/MemberHub.Benchmarks.Matching and docs/benchmarks-matching.md),
/// at a size that runs in a second. The generator labels the truth from the register, not from the matcher.
/// </summary>
public class MatchingQualityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Generated_bank_files_are_matched_as_a_careful_treasurer_would(int seed)
    {
        var data = SyntheticBank.Generate(seed, creditCount: 2_000, openInvoiceCount: 2_000);

        var proposals = PaymentMatcher.Propose(data.Credits.Select(c => c.Credit).ToList(), data.Invoices, data.Aliases,
            MatchOptions.Default, data.Register);
        var s = MatchingStatistics.Compute(data, proposals);

        Assert.Equal(0, s.WrongAutomatic);
        Assert.Equal(0, s.OverAllocatedInvoices);
        Assert.True(s.AutomaticShareOfObvious >= 0.95, $"applied automatically: {s.AutomaticShareOfObvious:P1}");
        Assert.True(s.FirstCandidateAccuracyOfDeterminableRest >= 0.95, $"right member first: {s.FirstCandidateAccuracyOfDeterminableRest:P1}");
    }

    [Fact]
    public void Non_members_are_never_applied_in_a_generated_file()
    {
        var data = SyntheticBank.Generate(5, creditCount: 2_000, openInvoiceCount: 2_000);
        var proposals = PaymentMatcher.Propose(data.Credits.Select(c => c.Credit).ToList(), data.Invoices, data.Aliases);

        var nonMembers = data.Credits.Zip(proposals).Where(x => x.First.TrueMemberId is null).ToList();

        Assert.NotEmpty(nonMembers);
        Assert.All(nonMembers, x => Assert.False(x.Second.AutoApply, x.First.Credit.PayerName));
    }
}
