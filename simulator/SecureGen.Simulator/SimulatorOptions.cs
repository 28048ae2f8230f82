namespace SecureGen.Simulator;

/// <summary>
/// How the simulator behaves. Probabilities are per request (faults) or per completion (labels).
/// Every property can come from a YAML/JSON file (snake_case keys) and from `securegen simulator` flags.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Seed of the simulator's own randomness (latency jitter, faults); completions follow the request's seed.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Path of the built-in tasks folder; found beside the app when null.</summary>
    public string? TasksFolder { get; set; }

    /// <summary>When set, chat requests must carry "Authorization: Bearer" this key; others get 401 like OpenAI's. Null accepts any.</summary>
    public string? ApiKey { get; set; }

    // ---- labels: the share of insecure answers (see InsecurityModel)

    /// <summary>Probability of an insecure answer to a plain prompt.</summary>
    public double InsecureRate { get; set; } = 0.5;

    /// <summary>Odds ratio applied when the prompt asks for secure code (security words outside the task's own text).</summary>
    public double SecurityInstructionOddsRatio { get; set; } = 0.5;

    /// <summary>Odds ratio applied when the prompt carries a secure demonstration (another task's secure code, or a labelled example).</summary>
    public double SecureDemonstrationOddsRatio { get; set; } = 0.4;

    /// <summary>Odds ratio applied when the prompt carries analyzer findings.</summary>
    public double AnalyzerFindingsOddsRatio { get; set; } = 0.35;

    /// <summary>Further odds ratio when those findings come with this task's insecure code (feedback on the same code).</summary>
    public double FindingsOnSameCodeOddsRatio { get; set; } = 0.3;

    // ---- latency

    /// <summary>Fixed latency of every request, in milliseconds.</summary>
    public double LatencyMs { get; set; }

    /// <summary>Random latency added on top: "none", "normal" (mean 0, sd jitter_ms, total never below 0) or "lognormal" (median jitter_ms, shape jitter_sigma).</summary>
    public string Jitter { get; set; } = "none";

    public double JitterMs { get; set; }

    public double JitterSigma { get; set; } = 0.5;

    /// <summary>Generation speed: the longest completion's tokens / this is added to the latency; 0 means instant.</summary>
    public double TokensPerSecond { get; set; }

    // ---- rate limits

    /// <summary>Requests per minute before answering 429 with Retry-After; 0 means unlimited.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Burst allowed by the rate limit; 0 means a full minute's budget.</summary>
    public int RateLimitBurst { get; set; }

    // ---- faults

    /// <summary>Probability that a chat request fails with a 5xx.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Status of injected server errors; 0 picks among 500, 502, 503, 504.</summary>
    public int ServerErrorStatus { get; set; }

    /// <summary>The first N chat requests fail with a 5xx (deterministic; for tests and demos of retries).</summary>
    public int FailFirstRequests { get; set; }

    /// <summary>Probability that a chat request hangs (no answer for hang_ms, or until the client gives up).</summary>
    public double TimeoutRate { get; set; }

    public double HangMs { get; set; } = 600_000;

    /// <summary>Probability that a completion is cut off mid-code (finish_reason "length").</summary>
    public double TruncateRate { get; set; }

    /// <summary>Probability that a completion is garbage: no usable code at all.</summary>
    public double GarbageRate { get; set; }

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    public string? Validate()
    {
        foreach (var (name, p) in new[]
        {
            ("insecure_rate", InsecureRate), ("server_error_rate", ServerErrorRate), ("timeout_rate", TimeoutRate),
            ("truncate_rate", TruncateRate), ("garbage_rate", GarbageRate),
        })
        {
            if (p is < 0 or > 1 || double.IsNaN(p))
            {
                return $"{name} must be between 0 and 1 (got {p})";
            }
        }

        foreach (var (name, r) in new[]
        {
            ("security_instruction_odds_ratio", SecurityInstructionOddsRatio), ("secure_demonstration_odds_ratio", SecureDemonstrationOddsRatio),
            ("analyzer_findings_odds_ratio", AnalyzerFindingsOddsRatio), ("findings_on_same_code_odds_ratio", FindingsOnSameCodeOddsRatio),
        })
        {
            if (r <= 0 || double.IsNaN(r))
            {
                return $"{name} must be positive (got {r})";
            }
        }

        if (Jitter is not ("none" or "normal" or "lognormal"))
        {
            return $"jitter must be none, normal or lognormal (got '{Jitter}')";
        }

        if (LatencyMs < 0 || JitterMs < 0 || JitterSigma < 0 || TokensPerSecond < 0 || HangMs < 0)
        {
            return "latency_ms, jitter_ms, jitter_sigma, tokens_per_second and hang_ms must not be negative";
        }

        if (RequestsPerMinute < 0 || RateLimitBurst < 0 || FailFirstRequests < 0)
        {
            return "requests_per_minute, rate_limit_burst and fail_first_requests must not be negative";
        }

        if (ServerErrorStatus != 0 && ServerErrorStatus is < 500 or > 599)
        {
            return $"server_error_status must be a 5xx status or 0 (got {ServerErrorStatus})";
        }

        return Port is < 0 or > 65535 ? $"port must be between 0 and 65535 (got {Port})" : null;
    }
}
