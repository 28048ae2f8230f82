namespace SecureGen.Core.Tenancy;

/// <summary>A tenant's own LLM endpoint and its decrypted key, for the model client only. Its text form never shows the key.</summary>
/// <param name="Endpoint">The tenant's base URL; null: the tenant uses the cluster's endpoint.</param>
public sealed class TenantLlmSettings(string tenantId, Uri? endpoint, string? apiKey)
{
    public string TenantId { get; } = tenantId;

    public Uri? Endpoint { get; } = endpoint;

    public string? ApiKey { get; } = apiKey;

    public override string ToString() => $"tenant {TenantId}: {Endpoint?.ToString() ?? "the cluster's endpoint"}, key {(ApiKey is null ? "none" : "(redacted)")}";
}
