using SecureGen.Core.Strategies;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>
/// An OpenAI model name read as strategy and upstream model: "securegen/STRATEGY[:UPSTREAM]", e.g.
/// "securegen/securecoder:gpt-4o-mini"; without ":UPSTREAM" the cluster's default model answers.
/// </summary>
public sealed record ChatModel(string Strategy, string? Upstream)
{
    public const string Prefix = "securegen/";

    public string Name => Prefix + Strategy + (Upstream is null ? string.Empty : ":" + Upstream);

    /// <summary>The model, or null with the reason when the name is not one of ours or names no buildable strategy.</summary>
    public static (ChatModel? Model, string? Problem) Parse(string? name, StrategyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(name) || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"The model '{name}' does not exist: models are named securegen/STRATEGY[:UPSTREAM-MODEL] (see GET /v1/models)");
        }

        var rest = name[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var strategy = (colon < 0 ? rest : rest[..colon]).Trim().ToLowerInvariant();
        var upstream = colon < 0 ? null : rest[(colon + 1)..].Trim();
        if (catalog.Problem(strategy) is { } problem)
        {
            return (null, $"The model '{name}' does not exist: {problem}");
        }

        // classify and repair start from reference code, not from a prompt, so they cannot answer a chat.
        var last = strategy.Split('+', StringSplitOptions.TrimEntries)[^1];
        if (!catalog.Definitions.Any(d => d.Name == last && d.AcceptsPrompt))
        {
            return (null, $"The model '{name}' does not exist: '{strategy}' takes reference code, not a prompt");
        }

        return (new ChatModel(strategy, string.IsNullOrEmpty(upstream) ? null : upstream), null);
    }
}
