namespace SecureGen.Grains.Placement;

/// <summary>The roles a silo can take, as they appear in its metadata (key <see cref="MetadataKey"/>, comma-separated).</summary>
public static class SiloRole
{
    public const string MetadataKey = "securegen.roles";

    public const string Session = "session";
    public const string Candidate = "candidate";
    public const string Analyzer = "analyzer";
    public const string Scorer = "scorer";
    public const string Api = "api";

    public static bool Has(string? roles, string role) =>
        roles is not null && roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(role, StringComparer.OrdinalIgnoreCase);
}
