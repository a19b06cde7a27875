using System.Net;
using AngleSharp.Html.Dom;
using MemberHub.Common;
using MemberHub.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Members;

/// <summary>Small things the member tests share: the usual class, htmx posts, reading a member back.</summary>
public static class MemberTestKit
{
    public const string DefaultClass = "正会員（個人）";

    public static Task<long> EnsureClassAsync(this MemberHubFactory app, string name = DefaultClass)
    {
        app.EnsureStarted();
        return app.WithDbAsync(async db =>
        {
            var c = await db.MemberClasses.SingleOrDefaultAsync(x => x.Name == name);
            if (c is null)
            {
                c = new MemberClass { Name = name, AnnualFeePerUnit = new Yen(5_000), DefaultUnits = 1, HasVote = true, SortOrder = 1 };
                db.MemberClasses.Add(c);
                await db.SaveChangesAsync();
            }
            return c.Id;
        });
    }

    public static Task<Member> MemberAsync(this MemberHubFactory app, long id) =>
        app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Posts a form of the page the way htmx does: its fields, to its hx-post, with the HX-Request header.</summary>
    public static async Task<HttpResponseMessage> HtmxSubmitAsync(this HttpClient client, IHtmlDocument doc, string formSelector, IDictionary<string, string> values)
    {
        var form = doc.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form {formSelector}");
        var fields = HtmlForms.FormFields(form);
        foreach (var (k, v) in values)
        {
            fields.RemoveAll(f => f.Key == k);
            fields.Add(new(k, v));
        }
        var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("hx-post") ?? form.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> HtmxGetAsync(this HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    public static string Text(this IHtmlDocument doc, string selector) =>
        doc.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"nothing matches {selector}");

    public static void AssertRedirectTo(this HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(prefix, response.Headers.Location?.OriginalString);
    }
}

public static class InputValues
{
    public static string Value(this AngleSharp.Html.Dom.IHtmlDocument doc, string selector) =>
        (doc.QuerySelector(selector) as AngleSharp.Html.Dom.IHtmlInputElement)?.Value ?? throw new InvalidOperationException($"no input {selector}");
}
