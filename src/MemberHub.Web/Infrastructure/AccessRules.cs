using MemberHub.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace MemberHub.Web.Infrastructure;

/// <summary>
/// Who may go where, in one table. Everything not listed here needs a signed-in user with one of the
/// four roles (the fallback policy); the few anonymous pages are listed explicitly.
/// The role test in tests/Integration enumerates every page and checks it against its own table.
/// </summary>
public static class AccessRules
{
    public static class Policies
    {
        public const string Admin = "Admin";
        public const string MemberRegister = "MemberRegister";
        public const string MemberEditing = "MemberEditing";
        public const string Office = "Office";
        public const string Finance = "Finance";
        /// <summary>Issue and cancel invoices, send invoices and reminders: 事務局 (Staff) and Admin.</summary>
        public const string Billing = "Billing";
        /// <summary>Write off an invoice (免除・貸倒): Staff, Admin and the treasurer.</summary>
        public const string WriteOff = "WriteOff";
        /// <summary>Import bank files, post and undo payments: the treasurer and Admin.</summary>
        public const string Posting = "Posting";
        public const string AnyRole = "AnyRole";
    }

    public static readonly AuthorizationPolicy AnyRole = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireRole(Roles.All)
        .Build();

    public static void Apply(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Account/Login");
        pages.AllowAnonymousToPage("/Account/LoginWith2fa");
        pages.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
        pages.AllowAnonymousToPage("/Account/ForgotPassword");
        pages.AllowAnonymousToPage("/Account/ResetPassword");
        pages.AllowAnonymousToPage("/Account/AcceptInvitation");
        pages.AllowAnonymousToPage("/Account/Lockout");
        pages.AllowAnonymousToPage("/Account/Logout");
        pages.AllowAnonymousToPage("/Setup/Index");
        pages.AllowAnonymousToPage("/Error");
        pages.AllowAnonymousToPage("/Status");
        // 配信停止 from a link in a newsletter: the signed token in the link stands in for signing in.
        pages.AllowAnonymousToFolder("/Unsubscribe");

        pages.AuthorizeFolder("/Admin", Policies.Admin);
        pages.AuthorizeFolder("/Members", Policies.MemberRegister);
        pages.AuthorizeFolder("/Dues", Policies.Finance);
        pages.AuthorizeFolder("/Payments", Policies.Finance);
        pages.AuthorizeFolder("/Mail", Policies.Office);
        // Volunteers: the office that asks people for help (Admin, Staff); the list of areas is the admin's.
        // Volunteers themselves reach their own requests and profile only through /My.
        pages.AuthorizeFolder("/Volunteers", Policies.MemberEditing);
        pages.AuthorizeFolder("/Volunteers/Areas", Policies.Admin);
        pages.AuthorizeFolder("/FollowUp", Policies.Office);
        // Segments: the treasurer sees them and their members; changing, exporting and mailing is the office's.
        pages.AuthorizePage("/FollowUp/Segments/Edit", Policies.MemberEditing);
        pages.AuthorizePage("/FollowUp/Segments/Export", Policies.MemberEditing);
        pages.AuthorizePage("/FollowUp/Segments/Tasks", Policies.MemberEditing);
        pages.AuthorizeFolder("/FollowUp/Mailings", Policies.MemberEditing);
        pages.AuthorizeFolder("/FollowUp/Suggestions", Policies.MemberEditing);
        // /My (マイページ) and /Account/Manage: any signed-in user, through the fallback policy.
    }
}
