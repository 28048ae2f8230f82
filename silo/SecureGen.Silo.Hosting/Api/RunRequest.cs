using System.Text.Json.Serialization;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>POST /api/runs: an evaluation like `securegen eval` takes it (defaults are eval's).</summary>
public sealed record RunRequest
{
    [JsonPropertyName("dataset")]
    public string Dataset { get; init; } = "builtin";

    [JsonPropertyName("strategies")]
    public IReadOnlyList<string> Strategies { get; init; } = ["baseline"];

    [JsonPropertyName("samples")]
    public int Samples { get; init; } = 1;

    [JsonPropertyName("parameters")]
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Keep only these task ids.</summary>
    [JsonPropertyName("tasks")]
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>Keep only tasks of these CWEs.</summary>
    [JsonPropertyName("cwes")]
    public IReadOnlyList<int>? Cwes { get; init; }

    /// <summary>At most this many tasks.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    [JsonPropertyName("seed")]
    public long Seed { get; init; } = 1234;

    [JsonPropertyName("temperature")]
    public float Temperature { get; init; } = 0.8f;

    [JsonPropertyName("max_tokens")]
    public int MaxTokens { get; init; } = 1024;

    /// <summary>Upstream model; null: the cluster's default.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("store_prompts")]
    public bool StorePrompts { get; init; } = true;

    [JsonPropertyName("max_in_flight")]
    public int MaxInFlight { get; init; } = 16;
}
