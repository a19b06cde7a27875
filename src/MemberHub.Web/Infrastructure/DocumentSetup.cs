using MemberHub.Web.Documents;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Infrastructure;

public static class DocumentSetup
{
    /// <summary>PDF documents (SkiaSharp, Noto Sans CJK), the document store and the background PDF worker.</summary>
    public static void AddMemberHubDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>()
            .Bind(builder.Configuration.GetSection(DocumentOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>();
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DocumentOptions>>().Value;
            return new PdfFonts(o.FontPath, o.BoldFontPath);
        });
        builder.Services.AddScoped<DocumentsQuery>();
        builder.Services.AddScoped<DuesDocuments>();
        builder.Services.AddScoped<IDuesDocuments>(sp => sp.GetRequiredService<DuesDocuments>());
        builder.Services.AddScoped<ILetterDocuments>(sp => sp.GetRequiredService<DuesDocuments>());
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<DocumentJobSignal>();
        builder.Services.AddScoped<DocumentJobQueue>();
        builder.Services.AddScoped<IDocumentJobProducer, RunInvoicesProducer>();
        builder.Services.AddScoped<IDocumentJobProducer, ReminderLettersProducer>();
        builder.Services.AddScoped<IDocumentJobProducer, MemberHub.Web.Pages.Payments.Receipts.AnnualCertificatesProducer>();
        builder.Services.AddHostedService<DocumentJobWorker>();
    }
}

/// <summary>A missing font stops the site at start with a message that says how to install it.</summary>
public sealed class DocumentOptionsValidator : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        var missing = new[] { options.FontPath, options.BoldFontPath }.Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(missing.Select(PdfFonts.MissingMessage));
    }
}
