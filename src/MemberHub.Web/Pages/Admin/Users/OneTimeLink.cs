namespace MemberHub.Web.Pages.Admin.Users;

/// <summary>A secret link (invitation or password reset) for the _OneTimeLink partial.</summary>
public sealed record OneTimeLink(string Heading, string Explanation, string Url);
