using Microsoft.AspNetCore.Identity;

namespace MemberHub.Identity;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Deactivated users cannot sign in; accounts are not deleted so the audit trail keeps its names.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Treasurer = "Treasurer";
    public const string Volunteer = "Volunteer";

    public static readonly IReadOnlyList<string> All = [Admin, Staff, Treasurer, Volunteer];

    public static string Label(string role) => role switch
    {
        Admin => "管理者",
        Staff => "事務局",
        Treasurer => "会計",
        Volunteer => "ボランティア",
        _ => role,
    };
}
