namespace SecureGen.Core.Scoring;

/// <summary>The reserved vocabulary entries, always at the same ids.</summary>
public static class SpecialTokens
{
    /// <summary>Padding (id 0): never a real token; the model's embedding keeps it at zero.</summary>
    public const string Pad = "<pad>";

    /// <summary>Out of vocabulary (id 1): names, operators and stray characters the vocabulary lacks.</summary>
    public const string Unknown = "<unk>";

    /// <summary>A string literal that is long, multi-line, or not in the vocabulary.</summary>
    public const string Str = "<str>";

    /// <summary>Like <see cref="Str"/>, but the literal starts with an SQL verb: injection sinks care.</summary>
    public const string Sql = "<sql>";

    /// <summary>A numeric literal not in the vocabulary.</summary>
    public const string Number = "<num>";

    /// <summary>Start of an f-string; its literal pieces and interpolated expressions follow.</summary>
    public const string FStringStart = "<fstr>";

    /// <summary>End of an f-string.</summary>
    public const string FStringEnd = "</fstr>";

    public static IReadOnlyList<string> All { get; } = [Pad, Unknown, Str, Sql, Number, FStringStart, FStringEnd];

    public const int PadId = 0;
    public const int UnknownId = 1;
}
