namespace SecureGen.Core.Strategies;

/// <summary>The type of a strategy parameter's value.</summary>
public enum ParameterKind
{
    WholeNumber,
    Boolean,
    Text,
    Choice,
}
