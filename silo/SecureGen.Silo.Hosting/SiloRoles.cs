using SecureGen.Grains.Placement;

namespace SecureGen.Silo.Hosting;

/// <summary>The roles a silo was given: which grains it hosts, and whether it serves the HTTP API and dashboard.</summary>
public sealed record SiloRoles(IReadOnlyList<string> Names)
{
    private static readonly string[] GrainRoles = [SiloRole.Session, SiloRole.Candidate, SiloRole.Analyzer, SiloRole.Scorer];

    public bool Api => Has(SiloRole.Api);

    public bool Has(string role) => Names.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">An unknown role, with the known ones.</exception>
    public static SiloRoles Parse(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = new List<string>();
        foreach (var role in roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant()))
        {
            if (role == "all")
            {
                names.AddRange([.. GrainRoles, SiloRole.Api]);
            }
            else if (GrainRoles.Contains(role) || role == SiloRole.Api)
            {
                names.Add(role);
            }
            else
            {
                throw new ArgumentException($"unknown role '{role}' (known: session, candidate, analyzer, scorer, api, all)", nameof(roles));
            }
        }

        return new SiloRoles(names.Distinct().ToList());
    }
}
