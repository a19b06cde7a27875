using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;

namespace MemberHub.Web.Infrastructure;

public static class WebSetup
{
    public static void AddMemberHubWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorPages(o => AccessRules.Apply(o.Conventions));
        // Validation is FluentValidation's, in Japanese; MVC's implicit [Required] on non-nullable strings
        // would add "The Name field is required." in English beside it.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Emit Japanese as text, not as &#x5C71;&#x7530;: pages stay readable and half the size.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.GeneralPunctuation,
            UnicodeRanges.CjkSymbolsandPunctuation, UnicodeRanges.Hiragana, UnicodeRanges.Katakana,
            UnicodeRanges.KatakanaPhoneticExtensions, UnicodeRanges.CjkUnifiedIdeographs,
            UnicodeRanges.CjkUnifiedIdeographsExtensionA, UnicodeRanges.CjkCompatibilityIdeographs,
            UnicodeRanges.HalfwidthandFullwidthForms, UnicodeRanges.EnclosedCjkLettersandMonths,
            UnicodeRanges.CjkCompatibility, UnicodeRanges.LetterlikeSymbols, UnicodeRanges.Arrows,
            UnicodeRanges.GeometricShapes, UnicodeRanges.MiscellaneousSymbols));

        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        RegisterHandlers(builder.Services);
        builder.Services.AddSingleton<FirstRunState>();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    /// <summary>
    /// Each use case is a plain class named …Handler (or …Query) in its feature folder; they are registered
    /// here by name so a new feature needs no edit to start-up.
    /// </summary>
    private static void RegisterHandlers(IServiceCollection services)
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                        && t.Namespace?.StartsWith("MemberHub.Web.Pages", StringComparison.Ordinal) == true
                        && (t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.Name.EndsWith("Query", StringComparison.Ordinal)));
        foreach (var t in types) services.AddScoped(t);
    }

    public static void UseMemberHubPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        app.Use(async (ctx, next) =>
        {
            // The status and error pages are shown by re-executing the request; a refused POST would otherwise re-execute
            // as a POST and fail the antiforgery check there, turning a clear 403 into a 400.
            if (ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                || ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
                ctx.Request.Method = HttpMethods.Get;
            await next();
        });
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.XFrameOptions = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<FirstRunMiddleware>();
        app.UseAuthentication();
        app.Use(async (ctx, next) =>
        {
            // Pages behind sign-in hold personal data: no copy in the browser's cache or back-button history
            // (htmx's own history cache is off in the layout for the same reason).
            if (ctx.User.Identity?.IsAuthenticated == true)
                ctx.Response.OnStarting(() =>
                {
                    ctx.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            await next();
        });
        app.UseAuthorization();
    }
}
