using MemberHub.Web.Documents;
using MemberHub.Web.Pages.FollowUp.Mailings;

namespace MemberHub.Web.Infrastructure;

public static class OutreachSetup
{
    /// <summary>Mailings' letters and address labels, made by the background PDF worker.</summary>
    public static void AddMemberHubOutreach(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDocumentJobProducer, MailingLettersProducer>();
        builder.Services.AddScoped<IDocumentJobProducer, MailingLabelsProducer>();
    }
}
