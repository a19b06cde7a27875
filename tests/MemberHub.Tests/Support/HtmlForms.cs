using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MemberHub.Tests.Support;

/// <summary>
/// Fills in a page's real form the way a browser would: every field the form has (hidden ones and the
/// antiforgery token included), with the test's values laid over them.
/// </summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs the page, picks the form (the first, or the one matching the selector), fills and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url,
        IDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var doc = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(doc, url, values, formSelector);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument doc, string pageUrl,
        IDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var form = doc.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"no form '{formSelector}' on {pageUrl}");
        var fields = FormFields(form);
        foreach (var (k, v) in values)
        {
            fields.RemoveAll(f => f.Key == k);
            fields.Add(new(k, v));
        }
        var action = form.GetAttribute("hx-post") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>The name/value pairs a browser would send for this form without any change.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var el in form.Elements)
        {
            switch (el)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked) list.Add(new(input.Name!, input.Value));
                    }
                    else if (input.Type is not ("submit" or "button" or "file"))
                        list.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var o in select.Options.Where(o => o.IsSelected))
                        list.Add(new(select.Name!, o.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    list.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        return list;
    }

    /// <summary>The antiforgery token of a page, for posts that are not forms (htmx buttons).</summary>
    public static string AntiforgeryToken(this IHtmlDocument doc) =>
        (doc.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("no antiforgery token on the page");

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode}");
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
