using System.Globalization;

namespace SecureGen.Core.Strategies;

/// <summary>
/// One configurable parameter of a strategy, with its paper's default. Users set it as
/// "scope.name=value" (only this strategy) or "name=value" (every strategy that has it).
/// </summary>
public sealed record ParameterSpec(string Scope, string Name, ParameterKind Kind, string Default, string Description, IReadOnlyList<string>? Choices = null, int Minimum = int.MinValue)
{
    public string Key => $"{Scope}.{Name}";

    /// <summary>Null when the value fits this parameter, else a one-line reason.</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Kind switch
        {
            ParameterKind.WholeNumber when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => $"{Key} must be an integer (got '{value}')",
            ParameterKind.WholeNumber when int.Parse(value, CultureInfo.InvariantCulture) < Minimum => $"{Key} must be at least {Minimum} (got {value})",
            ParameterKind.Boolean when !bool.TryParse(value, out _) => $"{Key} must be true or false (got '{value}')",
            ParameterKind.Choice when !Choices!.Contains(value, StringComparer.OrdinalIgnoreCase) => $"{Key} must be one of {string.Join(", ", Choices!)} (got '{value}')",
            _ => null,
        };
    }
}
