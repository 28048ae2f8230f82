using System.Globalization;

namespace SecureGen.Core.Analysis.Sarif;

/// <summary>
/// Our three severities against SARIF's result levels and the "security-severity" score
/// (0-10, the CVSS-like scale GitHub code scanning reads: 7+ high, 4+ medium).
/// </summary>
public static class SarifSeverity
{
    public static string Level(Severity severity) => severity switch
    {
        Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>The severity a level implies; "none" and unknown levels are Low. SARIF's default level is "warning".</summary>
    public static Severity FromLevel(string? level) => level switch
    {
        "error" => Severity.High,
        "warning" or null => Severity.Medium,
        _ => Severity.Low,
    };

    public static string SecurityScore(Severity severity) => severity switch
    {
        Severity.High => "8.0",
        Severity.Medium => "5.0",
        _ => "2.0",
    };

    /// <summary>Reads a security-severity score (a string or number); null when absent or not a number.</summary>
    public static Severity? FromSecurityScore(string? score)
    {
        if (score is null || !double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 10)
        {
            return null;
        }

        return value >= 7.0 ? Severity.High : value >= 4.0 ? Severity.Medium : Severity.Low;
    }

    /// <summary>SARIF rule "precision" (very-high, high, medium, low) as a confidence.</summary>
    public static string Precision(Severity confidence) => confidence switch
    {
        Severity.High => "high",
        Severity.Medium => "medium",
        _ => "low",
    };

    public static Severity? FromPrecision(string? precision) => precision?.ToLowerInvariant() switch
    {
        "very-high" or "high" => Severity.High,
        "medium" => Severity.Medium,
        "low" => Severity.Low,
        _ => null,
    };
}
