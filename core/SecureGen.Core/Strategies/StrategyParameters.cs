using System.Collections.Concurrent;
using System.Globalization;

namespace SecureGen.Core.Strategies;

/// <summary>
/// The parameter values of one session: what the user gave, else the paper's default. Every value
/// read is remembered, so the session result says exactly which settings produced it.
/// </summary>
public sealed class StrategyParameters
{
    private readonly Dictionary<string, string> _given;
    private readonly ConcurrentDictionary<string, string> _used = new(StringComparer.Ordinal);

    public StrategyParameters(IReadOnlyDictionary<string, string>? given) =>
        _given = new Dictionary<string, string>(given ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);

    public static StrategyParameters None { get; } = new(null);

    /// <summary>Every parameter read so far with the value used, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Used => new SortedDictionary<string, string>(_used, StringComparer.Ordinal);

    public string Text(ParameterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var value = _given.TryGetValue(spec.Key, out var scoped) ? scoped
            : _given.TryGetValue(spec.Name, out var global) ? global
            : spec.Default;
        if (spec.Check(value) is { } problem)
        {
            throw new StrategyParameterException(problem);
        }

        _used[spec.Key] = value;
        return value;
    }

    public int Number(ParameterSpec spec) => int.Parse(Text(spec), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public bool Boolean(ParameterSpec spec) => bool.Parse(Text(spec));

    public string Choice(ParameterSpec spec) => Text(spec).ToLowerInvariant();

    /// <summary>
    /// Checks user-given keys and values against the parameters of the strategies to be run.
    /// Null when all fit, else a one-line problem naming the first bad key.
    /// </summary>
    public static string? Validate(IReadOnlyDictionary<string, string> given, IReadOnlyCollection<ParameterSpec> known)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(known);
        foreach (var (key, value) in given)
        {
            var matches = known.Where(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                var names = known.Select(s => s.Key).Distinct().Order(StringComparer.Ordinal);
                return $"unknown parameter '{key}' for the chosen strategies (known: {string.Join(", ", names)})";
            }

            var problem = matches.Select(m => m.Check(value)).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
