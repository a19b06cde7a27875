using System.Text.RegularExpressions;

namespace MemberHub.Benchmarks.FollowUp;

/// <summary>The segment-count and mailing scenarios, posted as the segment editor and the mailing page post them.</summary>
public static partial class FollowUpScenarios
{
    /// <summary>
    /// Three-criteria segments counted through the editor's live count (POST ?handler=Count, as htmx sends it while the
    /// criteria change): each answers from one query over the register, its figures and its ledger.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, Func<HttpRequestMessage> Request)>> SegmentCountsAsync(IServiceProvider services, HttpClient http)
    {
        var token = await TokenAsync(http, "/FollowUp/Segments/Edit");
        HttpRequestMessage Count(params (string Key, string Value)[] fields)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/FollowUp/Segments/Edit?handler=Count")
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]),
            };
            request.Headers.Add("HX-Request", "true");
            return request;
        }
        return
        [
            ("セグメント 在籍+東京都+優良/こつこつ", () => Count(("Input.Statuses", "Active"), ("Input.Prefectures", "東京都"), ("Input.Classes", "Loyal"), ("Input.Classes", "Steady"))),
            ("セグメント 在籍+休眠+メール拒否でない", () => Count(("Input.Statuses", "Active"), ("Input.Dormancies", "Dormant"), ("Input.RefusesEmail", "no"))),
            ("セグメント 2年間に1万円以上+12月生まれ+在籍", () => Count(("Input.Statuses", "Active"), ("Input.PaidFrom", "2024-04-01"), ("Input.PaidTo", "2026-03-31"), ("Input.PaidMin", "10000"), ("Input.BirthdayMonth", "12"))),
        ];
    }

    /// <summary>
    /// A mailing to about <paramref name="recipients"/> people: a segment of the most recent joining years whose members
    /// have an address and accept bulk mail, saved and mailed through the pages; times the send (queueing every mail with
    /// its own signed unsubscribe link in the outbox).
    /// </summary>
    public static async Task<bool> MailingAsync(IServiceProvider services, HttpClient http, int recipients)
    {
        var token = await TokenAsync(http, "/FollowUp/Segments/Edit");
        (string, string)[] Criteria(int from, int to) =>
            [("Input.Statuses", "Active"), ("Input.HasEmail", "yes"), ("Input.RefusesEmail", "no"), ("Input.NoBulkMail", "no"),
             ("Input.JoinedYearFrom", from.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("Input.JoinedYearTo", to.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<(string Key, string Value)> fields) =>
            await http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]));

        var to = DateTime.UtcNow.Year;
        var from = to;
        var count = 0;
        while (from > 1950)
        {
            var html = await (await PostAsync("/FollowUp/Segments/Edit?handler=Count", Criteria(from, to))).Content.ReadAsStringAsync();
            count = int.Parse(CountAttribute().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (count >= recipients) break;
            from--;
        }
        var saved = await PostAsync("/FollowUp/Segments/Edit", [("Input.Name", $"ベンチマーク {from}〜{to}年入会"), .. Criteria(from, to)]);
        var segmentId = IdInLocation().Match(saved.Headers.Location?.ToString() ?? "").Groups[1].Value;
        if (segmentId.Length == 0) { Console.WriteLine($"Mailing scenario: saving the segment failed ({(int)saved.StatusCode})."); return false; }

        token = await TokenAsync(http, "/FollowUp/Mailings/Edit?segmentId=" + segmentId);
        var draft = await PostAsync("/FollowUp/Mailings/Edit",
        [
            ("Input.Title", "会報 冬号のお知らせ"), ("Input.SegmentId", segmentId), ("Input.Channel", "Email"), ("Input.MailingListId", "1"),
            ("Input.Subject", "【会報】冬号を発行しました"), ("Input.Body", "{{氏名}} 様\n\nいつもご支援いただき、ありがとうございます。会報の冬号ができました。"),
        ]);
        var mailingId = IdInLocation().Match(draft.Headers.Location?.ToString() ?? "").Groups[1].Value;
        if (mailingId.Length == 0) { Console.WriteLine($"Mailing scenario: saving the draft failed ({(int)draft.StatusCode})."); return false; }

        token = await TokenAsync(http, "/FollowUp/Mailings/Details?id=" + mailingId);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sent = await PostAsync($"/FollowUp/Mailings/Details?id={mailingId}&handler=Send", []);
        var took = watch.Elapsed;
        var ok = (int)sent.StatusCode is >= 200 and < 400;
        Console.WriteLine($"Mailing to segment {from}〜{to}年入会 ({count:N0} in the segment): send answered {(int)sent.StatusCode} in {took.TotalMilliseconds:N0} ms");

        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MemberHub.Data.MemberHubDbContext>(scope.ServiceProvider);
        var id = long.Parse(mailingId, System.Globalization.CultureInfo.InvariantCulture);
        var mailing = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Mailings, m => m.Id == id);
        var queued = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OutboxMessages, m => m.Category == "newsletter" && m.RelatedId == id);
        Console.WriteLine($"  queued {queued:N0} mails in the outbox; left out {mailing.ExcludedCount:N0} ({mailing.ExcludedSummary})");
        return ok && queued > 0;
    }

    [GeneratedRegex("data-count=\"(\\d+)\"")]
    private static partial Regex CountAttribute();

    [GeneratedRegex("[?&]id=(\\d+)")]
    private static partial Regex IdInLocation();

    private static async Task<string> TokenAsync(HttpClient http, string url)
    {
        var page = await http.GetStringAsync(url);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        if (token.Length == 0) token = AntiforgeryFieldReversed().Match(page).Groups[1].Value;
        return token.Length > 0 ? token : throw new InvalidOperationException($"no antiforgery token on {url}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryFieldReversed();
}
