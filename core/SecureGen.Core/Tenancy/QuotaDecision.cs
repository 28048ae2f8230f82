namespace SecureGen.Core.Tenancy;

/// <summary>Whether a submission fits the tenant's quota; when not, which limit and when to try again.</summary>
public sealed record QuotaDecision(bool Admitted, string? Limit, string? Message, TimeSpan RetryAfter)
{
    public static QuotaDecision Admit { get; } = new(true, null, null, TimeSpan.Zero);

    public static QuotaDecision Refuse(string limit, string message, TimeSpan retryAfter) => new(false, limit, message, retryAfter);
}
