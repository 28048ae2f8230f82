using SecureGen.Core.Analysis;

namespace SecureGen.Silo.Hosting;

/// <summary>
/// Everything a silo process is configured with. Bound from configuration (section "SecureGen", environment
/// variables SECUREGEN__ROLES etc.) or from `securegen silo` flags; grain pacing from "SecureGen:Grains".
/// </summary>
public sealed class SiloSettings
{
    public const string Section = "SecureGen";

    /// <summary>Comma-separated: session, candidate, analyzer, scorer, api.</summary>
    public string Roles { get; set; } = "all";

    /// <summary>Redis address of the cluster (membership, grain state, reminders); empty runs one silo alone.</summary>
    public string? Cluster { get; set; }

    /// <summary>The results store: PostgreSQL connection string or URL, or a SQLite file path.</summary>
    public string Database { get; set; } = "securegen.db";

    /// <summary>OpenAI-compatible base URL, for candidate grains.</summary>
    public string? LlmEndpoint { get; set; }

    public string LlmModel { get; set; } = "securegen-simulator";

    public string? LlmApiKey { get; set; }

    /// <summary>Calls in flight to the LLM endpoint for the whole cluster (the endpoint budget grain holds it); null keeps the endpoint's default.</summary>
    public int? LlmConcurrency { get; set; }

    public int AnalysisWorkers { get; set; } = PythonWorkerOptions.DefaultWorkerCount;

    public string? SiloName { get; set; }

    public int SiloPort { get; set; }

    public int GatewayPort { get; set; }

    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a stopping silo lets in-flight work finish before it hands the rest to the cluster.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>OpenTelemetry: OTLP endpoint, Prometheus endpoint, sampling ("SecureGen:Telemetry").</summary>
    public TelemetrySettings Telemetry { get; set; } = new();

    /// <summary>The AES key file that encrypts tenants' LLM keys; default: beside a SQLite store, else securegen-secrets.key in the working folder.</summary>
    public string? SecretsKeyFile { get; set; }

    public string ResolvedSecretsKeyFile => SecretsKeyFile ?? DefaultSecretsKeyFile(Database);

    public SiloRoles ParsedRoles => SiloRoles.Parse(Roles);

    public const string SecretsKeyFileName = "securegen-secrets.key";

    public static string DefaultSecretsKeyFile(string database) => Core.Storage.PostgresConnectionString.IsPostgres(database)
        ? SecretsKeyFileName
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? ".", SecretsKeyFileName);

    /// <param name="environmentOtlpEndpoint">OTEL_EXPORTER_OTLP_ENDPOINT, which turns trace propagation on like the setting.</param>
    public OrleansSettings ToOrleansSettings(string? environmentOtlpEndpoint = null) => new()
    {
        TraceGrainCalls = Telemetry.TracesGrainCalls(environmentOtlpEndpoint),
        Cluster = string.IsNullOrWhiteSpace(Cluster) ? null : Cluster,
        Roles = Roles,
        SiloName = SiloName,
        SiloPort = SiloPort,
        GatewayPort = GatewayPort,
        AdvertisedAddress = AdvertisedAddress,
    };
}
