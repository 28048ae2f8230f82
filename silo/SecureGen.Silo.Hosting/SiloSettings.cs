using SecureGen.Grains;

namespace SecureGen.Silo.Hosting;

/// <summary>
/// Everything a silo is configured with. Bound from configuration (section "SecureGen",
/// environment variables SECUREGEN__ROLES etc.) or from `securegen silo` flags.
/// </summary>
public sealed class SiloSettings
{
    public const string Section = "SecureGen";

    /// <summary>Comma-separated: session, candidate, analyzer, scorer, api.</summary>
    public string Roles { get; set; } = "session,candidate,analyzer,scorer,api";

    /// <summary>RabbitMQ URL (amqp:// or rabbitmq://); empty means the in-memory transport (one process).</summary>
    public string? Transport { get; set; }

    /// <summary>PostgreSQL connection string or URL, or a SQLite file path.</summary>
    public string Database { get; set; } = "securegen.db";

    /// <summary>OpenAI-compatible base URL, for candidate grains.</summary>
    public string? LlmEndpoint { get; set; }

    public string LlmModel { get; set; } = "securegen-simulator";

    public string? LlmApiKey { get; set; }

    public int AnalysisWorkers { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Messages a RabbitMQ consumer holds unacknowledged per endpoint.</summary>
    public int PrefetchCount { get; set; } = 16;

    public int SessionConcurrency { get; set; } = 16;

    public int CandidateConcurrency { get; set; } = 32;

    public int AnalyzerConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>How long a stopping silo lets in-flight sessions finish before the broker hands them to another silo.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    public GrainRoles GrainRoles => ParseRoles(Roles).Grains;

    public bool HostsApi => ParseRoles(Roles).Api;

    public GrainOptions ToGrainOptions() => new()
    {
        SessionConcurrency = SessionConcurrency,
        CandidateConcurrency = CandidateConcurrency,
        AnalyzerConcurrency = AnalyzerConcurrency,
        PrefetchCount = PrefetchCount,
    };

    public static (GrainRoles Grains, bool Api) ParseRoles(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var grains = GrainRoles.None;
        var api = false;
        foreach (var role in roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (role.ToLowerInvariant())
            {
                case "api": api = true; break;
                case "session": grains |= GrainRoles.Session; break;
                case "candidate": grains |= GrainRoles.Candidate; break;
                case "analyzer": grains |= GrainRoles.Analyzer; break;
                case "scorer": grains |= GrainRoles.Scorer; break;
                case "all": grains = GrainRoles.All; api = true; break;
                default: throw new ArgumentException($"unknown role '{role}' (known: session, candidate, analyzer, scorer, api, all)", nameof(roles));
            }
        }

        return (grains, api);
    }
}
