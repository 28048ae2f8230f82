namespace SecureGen.Core.Tenancy;

/// <summary>A team sharing the cluster. The API key is never part of it (only its hash is stored), nor is the LLM key.</summary>
/// <param name="HasLlmApiKey">Whether an LLM key is stored (encrypted); the key itself is never read back through this record.</param>
public sealed record Tenant(string Id, bool IsOperator, TenantQuota Quota, Uri? LlmEndpoint, bool HasLlmApiKey, DateTimeOffset CreatedAt);
