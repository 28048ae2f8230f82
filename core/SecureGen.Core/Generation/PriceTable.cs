namespace SecureGen.Core.Generation;

/// <summary>
/// Prices per model for cost accounting. A model is looked up by its exact name, then by the longest
/// configured prefix (so "gpt-4o-mini" prices "gpt-4o-mini-2024-07-18"); an unknown model costs 0 and is reported as unpriced.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
    }

    public static PriceTable Empty { get; } = new(new Dictionary<string, ModelPrice>());

    public IReadOnlyDictionary<string, ModelPrice> Prices => _prices;

    public ModelPrice? Find(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }

        return _prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>Dollars for a call; 0 when the model has no price.</summary>
    public double Cost(string model, long promptTokens, long completionTokens) => Find(model)?.Cost(promptTokens, completionTokens) ?? 0;
}
