namespace SecureGen.Core.Scoring;

/// <summary>What a token is, which decides its out-of-vocabulary fallback.</summary>
public enum CodeTokenKind
{
    /// <summary>An identifier or keyword, kept verbatim (case-sensitive, Unicode allowed).</summary>
    Name,

    /// <summary>A numeric literal, lower-cased with digit separators removed.</summary>
    Number,

    /// <summary>A string literal (or a literal piece of an f-string), kept short or abstracted.</summary>
    StringLiteral,

    /// <summary>An operator or delimiter, longest match first.</summary>
    Operator,

    /// <summary>The start or end marker of an f-string.</summary>
    Marker,

    /// <summary>Anything else: a stray character that is not Python.</summary>
    Other,
}
