namespace SecureGen.Core.Strategies;

/// <summary>Strategies by name, as given on the command line and in session messages.</summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<string, Func<IGenerationStrategy>> _factories;

    public StrategyCatalog(IDictionary<string, Func<IGenerationStrategy>> factories) =>
        _factories = new Dictionary<string, Func<IGenerationStrategy>>(factories, StringComparer.OrdinalIgnoreCase);

    public static StrategyCatalog Default { get; } = new(new Dictionary<string, Func<IGenerationStrategy>>
    {
        [BaselineStrategy.StrategyName] = () => new BaselineStrategy(),
    });

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    public bool Contains(string name) => _factories.ContainsKey(name);

    public IGenerationStrategy Create(string name) =>
        _factories.TryGetValue(name, out var factory) ? factory() : throw new UnknownStrategyException(name, Names);
}
