using System.ComponentModel.DataAnnotations;

namespace MemberHub.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded, the default) or Postgres.</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For Sqlite, optional: by default a file in <see cref="DataFolder"/>. Required for Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database and other files the site writes are kept.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Seed about 300 demo members when the database is empty (and create demo accounts).</summary>
    public bool SeedDemoData { get; set; }

    public bool IsPostgres => Provider == "Postgres";
}
