using System.Text.RegularExpressions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// Reads a classify answer: "VULNERABLE: yes|no" and "CWE: CWE-n|none" as asked, or, failing
/// that, a leading yes/no or a plain statement ("is vulnerable", "not vulnerable").
/// </summary>
public static partial class ClassificationAnswerParser
{
    public static (bool? Vulnerable, int? Cwe) Parse(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        bool? vulnerable = null;
        var field = VulnerableFieldRegex().Match(answer);
        if (field.Success)
        {
            vulnerable = field.Groups[1].Value.Equals("yes", StringComparison.OrdinalIgnoreCase) || field.Groups[1].Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        }
        else if (LeadingAnswerRegex().Match(answer) is { Success: true } lead)
        {
            vulnerable = lead.Groups[1].Value.Equals("yes", StringComparison.OrdinalIgnoreCase);
        }
        else if (NegativeStatementRegex().IsMatch(answer))
        {
            vulnerable = false;
        }
        else if (PositiveStatementRegex().IsMatch(answer))
        {
            vulnerable = true;
        }

        var cweField = CweFieldRegex().Match(answer);
        int? cwe = cweField.Success ? CweCatalog.ParseId(cweField.Value) : CweCatalog.ParseId(answer);
        if (vulnerable is null && cwe is not null)
        {
            vulnerable = true;
        }

        return (vulnerable, vulnerable == false ? null : cwe);
    }

    [GeneratedRegex(@"vulnerable\W{0,3}\s*[:=]\s*\**\s*(yes|no|true|false)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VulnerableFieldRegex();

    [GeneratedRegex(@"^\W*(yes|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAnswerRegex();

    [GeneratedRegex(@"\b(is\s+not|isn't|not)\s+vulnerable\b|\bno\s+(security\s+)?vulnerabilit", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeStatementRegex();

    [GeneratedRegex(@"\b(is|are)\s+vulnerable\b|\bcontains?\s+an?\s+(security\s+)?vulnerabilit", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveStatementRegex();

    [GeneratedRegex(@"^\W*CWE\W{0,3}\s*[:=].*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CweFieldRegex();
}
