namespace MemberHub.Benchmarks.FollowUp;

/// <summary>The segment and mailing scenarios (filled in when the segment pages exist).</summary>
public static class FollowUpScenarios
{
    public static Task<IReadOnlyList<(string Name, Func<HttpRequestMessage> Request)>> SegmentCountsAsync(IServiceProvider services, HttpClient http) =>
        Task.FromResult<IReadOnlyList<(string, Func<HttpRequestMessage>)>>([]);

    public static Task<bool> MailingAsync(IServiceProvider services, HttpClient http, int recipients)
    {
        Console.WriteLine("Mailing scenario: not available yet.");
        return Task.FromResult(true);
    }
}
