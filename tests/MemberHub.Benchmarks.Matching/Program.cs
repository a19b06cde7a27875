using System.Diagnostics;
using System.Globalization;
using MemberHub.Benchmarks.Matching;
using MemberHub.Payments;

// Usage: dotnet run -c Release --project tests/MemberHub.Benchmarks.Matching -- [--seed N] [--credits N] [--invoices N] [--runs N]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => int.Parse(args[x.i + 1], CultureInfo.InvariantCulture));
var seed = options.GetValueOrDefault("seed", 20261123);
var creditCount = options.GetValueOrDefault("credits", 10_000);
var invoiceCount = options.GetValueOrDefault("invoices", 10_000);
var runs = options.GetValueOrDefault("runs", 7);

var data = SyntheticBank.Generate(seed, creditCount, invoiceCount);
Console.WriteLine($"Synthetic data (seed {seed}): {data.Credits.Count:N0} credits, {data.Invoices.Count:N0} open invoices " +
                  $"of {data.Invoices.Select(i => i.MemberId).Distinct().Count():N0} members, {data.Aliases.Count:N0} remembered payers");

var credits = data.Credits.Select(c => c.Credit).ToList();
PaymentMatcher.Propose(credits.Take(500).ToList(), data.Invoices, data.Aliases);   // warm-up (JIT)

// Wall-clock time, and the CPU time the process used (on a busy shared machine the wall clock also counts the
// time other processes had the CPU; Propose is single-threaded, so its CPU time is what an idle machine would take).
var times = new List<double>();
var cpuTimes = new List<double>();
IReadOnlyList<MatchProposal> proposals = [];
var process = Process.GetCurrentProcess();
for (var run = 0; run < runs; run++)
{
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    proposals = PaymentMatcher.Propose(credits, data.Invoices, data.Aliases, MatchOptions.Default, data.Register);
    watch.Stop();
    process.Refresh();
    times.Add(watch.Elapsed.TotalMilliseconds);
    cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
}
times.Sort();
cpuTimes.Sort();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
PaymentMatcher.Propose(credits, data.Invoices, data.Aliases, MatchOptions.Default, data.Register);
var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1_048_576.0;
allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
PaymentMatcher.Propose([], data.Invoices, data.Aliases, MatchOptions.Default, data.Register);
var indexAllocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1_048_576.0;
var indexTimes = new List<double>();
for (var run = 0; run < runs; run++)
{
    var watch = Stopwatch.StartNew();
    PaymentMatcher.Propose([], data.Invoices, data.Aliases, MatchOptions.Default, data.Register);
    indexTimes.Add(watch.Elapsed.TotalMilliseconds);
}
indexTimes.Sort();
Console.WriteLine($"Propose, {runs} runs: min {times[0]:N0} ms, median {times[times.Count / 2]:N0} ms, max {times[^1]:N0} ms " +
                  $"(of which indexing the open invoices and remembered payers: median {indexTimes[indexTimes.Count / 2]:N0} ms)");
Console.WriteLine($"  CPU time of the process: min {cpuTimes[0]:N0} ms, median {cpuTimes[cpuTimes.Count / 2]:N0} ms " +
                  $"(includes the runtime's own threads, e.g. the garbage collector); allocated per run: {allocatedMb:N0} MB, of which indexing {indexAllocatedMb:N0} MB");

var s = MatchingStatistics.Compute(data, proposals);
Console.WriteLine();
Console.WriteLine($"Credits a careful treasurer would post without hesitation: {s.Obvious:N0}");
Console.WriteLine($"  applied automatically (to the right member):             {s.ObviousApplied:N0} ({s.AutomaticShareOfObvious:P1})");
Console.WriteLine($"Applied automatically in all:                              {s.AppliedTotal:N0}");
Console.WriteLine($"Wrong automatic postings:                                  {s.WrongAutomatic:N0}");
Console.WriteLine($"The rest (not applied, from a member):                     {s.Rest:N0}");
Console.WriteLine($"  right member first:                                      {s.RestFirstCandidateRight:N0} ({s.FirstCandidateAccuracyOfRest:P1})");
Console.WriteLine($"The rest whose payer text points at one member:           {s.RestDeterminable:N0}");
Console.WriteLine($"  right member first:                                      {s.RestDeterminableFirstRight:N0} ({s.FirstCandidateAccuracyOfDeterminableRest:P1})");
Console.WriteLine($"Credits from non-members:                                  {s.NonMemberCredits:N0} (with a candidate: {s.NonMemberWithCandidates:N0})");
Console.WriteLine($"Invoices allocated more than due (first candidates):       {s.OverAllocatedInvoices:N0}");
Console.WriteLine();
Console.WriteLine($"{"scenario",-24}{"credits",8}{"obvious",9}{"applied",9}{"wrong",7}{"1st right",11}");
foreach (var (scenario, count, obvious, applied, wrong, firstRight) in s.ByScenario)
    Console.WriteLine($"{scenario,-24}{count,8}{obvious,9}{applied,9}{wrong,7}{firstRight,11}");

var strict = MatchingStatistics.Compute(data,
    PaymentMatcher.Propose(credits, data.Invoices, data.Aliases, MatchOptions.Default with { AutoApplyOnNameAlone = false }, data.Register));
Console.WriteLine();
Console.WriteLine("With AutoApplyOnNameAlone = false (only numbers and remembered payers apply automatically):");
Console.WriteLine($"  obvious applied automatically: {strict.ObviousApplied:N0} of {strict.Obvious:N0} ({strict.AutomaticShareOfObvious:P1}), " +
                  $"wrong automatic postings: {strict.WrongAutomatic:N0}, right member first in the determinable rest: {strict.FirstCandidateAccuracyOfDeterminableRest:P1}");

if (options.GetValueOrDefault("show", 0) == 1)
{
    var names = data.Invoices.GroupBy(i => i.MemberId).ToDictionary(g => g.Key, g => g.First().MemberNameKana + " #" + g.First().MemberNumber);
    string Name(long? id) => id is { } m && names.TryGetValue(m, out var n) ? n : $"({id})";
    foreach (var (c, p) in data.Credits.Zip(proposals))
    {
        var first = p.Candidates.FirstOrDefault();
        var wrong = p.AutoApply && first?.MemberId != c.TrueMemberId;
        var missed = c.Obvious && !p.AutoApply;
        if (!wrong && !missed) continue;
        Console.WriteLine($"{(wrong ? "WRONG " : "missed")} {c.Scenario,-20} {c.Credit.Amount,7} [{c.Credit.PayerName}] truth={Name(c.TrueMemberId)} " +
                          $"first={Name(first?.MemberId)} {first?.Reasons} n={p.Candidates.Count}");
        foreach (var other in p.Candidates.Skip(1))
            Console.WriteLine($"        also {Name(other.MemberId)} {other.Reasons} {other.Score}");
        if (first is not null && (first.Reasons & MatchReasons.ContestedInBatch) != 0)
        {
            var hh = data.Invoices.Where(i => i.MemberId == first.MemberId).Select(i => i.HouseholdId).FirstOrDefault();
            var mates = data.Invoices.Where(i => i.MemberId == first.MemberId || hh != null && i.HouseholdId == hh).Select(i => i.MemberId).ToHashSet();
            foreach (var (oc, op) in data.Credits.Zip(proposals).Where(x => !ReferenceEquals(x.First, c) && (x.Second.Candidates.Any(k => mates.Contains(k.MemberId)) || mates.Contains(x.First.TrueMemberId ?? 0))))
                Console.WriteLine($"        same member or household: {oc.Scenario} {oc.Credit.Amount} [{oc.Credit.PayerName}] truth={Name(oc.TrueMemberId)} {op.Candidates[0].Reasons}");
        }
        // For a wrong posting: what else in the file pays the member it went to.
        if (wrong)
            foreach (var (oc, op) in data.Credits.Zip(proposals).Where(x => x.First.TrueMemberId == first!.MemberId))
                Console.WriteLine($"        their own: {oc.Scenario} {oc.Credit.Amount} [{oc.Credit.PayerName}] auto={op.AutoApply} first={Name(op.Candidates.FirstOrDefault()?.MemberId)}");
    }
}

return s.WrongAutomatic == 0 && s.AutomaticShareOfObvious >= 0.95 && s.FirstCandidateAccuracyOfDeterminableRest >= 0.95 && times[times.Count / 2] < 1000 ? 0 : 1;
