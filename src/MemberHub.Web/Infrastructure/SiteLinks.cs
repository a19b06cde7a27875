namespace MemberHub.Web.Infrastructure;

/// <summary>
/// Absolute links for e-mails and for links an administrator passes on (invitations, password resets).
/// Set Site:PublicUrl (e.g. https://members.example.jp) in production: without it the link is built from
/// the request's own Host header, which a forged request could point elsewhere.
/// </summary>
public sealed class SiteLinks(IHttpContextAccessor http, IConfiguration configuration)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["Site:PublicUrl"];
        string root;
        if (!string.IsNullOrWhiteSpace(configured)) root = configured.TrimEnd('/');
        else
        {
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No request to build a link from; set Site:PublicUrl.");
            root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return root + pathAndQuery;
    }
}
