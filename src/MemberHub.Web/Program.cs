using MemberHub.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = SiteFiles.FindWebRoot(),
});

builder.AddMemberHubData();
builder.AddMemberHubIdentity();
builder.AddMemberHubMail();
builder.AddMemberHubDocuments();
builder.AddMemberHubOutreach();
builder.AddMemberHubWeb();
builder.AddMemberHubFollowUp();
builder.AddMemberHubThanks();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseMemberHubPipeline();
app.MapRazorPages();

app.Run();
