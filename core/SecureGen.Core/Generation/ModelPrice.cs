namespace SecureGen.Core.Generation;

/// <summary>Dollars per million input (prompt) and output (completion) tokens of one model.</summary>
public sealed record ModelPrice(double InputPerMillion, double OutputPerMillion)
{
    public double Cost(long promptTokens, long completionTokens) =>
        ((promptTokens * InputPerMillion) + (completionTokens * OutputPerMillion)) / 1_000_000.0;
}
