using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MemberHub.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Copies FluentValidation errors into ModelState so the tag helpers show them beside their fields.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix = "")
    {
        foreach (var e in result.Errors)
            modelState.AddModelError(prefix.Length == 0 ? e.PropertyName : $"{prefix}.{e.PropertyName}", e.ErrorMessage);
    }

    public static bool IsHtmx(this HttpRequest request) => request.Headers.ContainsKey("HX-Request");
}
