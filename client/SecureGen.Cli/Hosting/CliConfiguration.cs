using Microsoft.Extensions.Configuration;
using SecureGen.Core.Scoring;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Hosting;

/// <summary>
/// The CLI's composition root for settings that no flag carries: environment variables in .NET's form
/// (SECUREGEN__SCORER__MODELSDIRECTORY, SECUREGEN__SCORER__PROVIDER, ...), and the cluster's addresses that
/// `scripts/dev-cluster.sh up` exports (SECUREGEN_CLUSTER, SECUREGEN_DB) for flags left out.
/// </summary>
internal static class CliConfiguration
{
    public const string ClusterVariable = "SECUREGEN_CLUSTER";
    public const string DatabaseVariable = "SECUREGEN_DB";

    private static readonly Lazy<IConfiguration> Environment = new(() => new ConfigurationBuilder().AddEnvironmentVariables().Build());

    public static ScorerOptions Scorer() =>
        Environment.Value.GetSection(SiloServiceCollectionExtensions.ScorerSection).Get<ScorerOptions>() ?? new ScorerOptions();

    /// <summary>The flag's value, else the exported variable's, else null.</summary>
    public static string? ClusterOr(string? flag) => NonEmpty(flag) ?? NonEmpty(Environment.Value[ClusterVariable]);

    public static string? DatabaseOr(string? flag) => NonEmpty(flag) ?? NonEmpty(Environment.Value[DatabaseVariable]);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
