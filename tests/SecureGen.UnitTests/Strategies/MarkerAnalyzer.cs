using System.Globalization;
using System.Text.RegularExpressions;
using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.UnitTests.Strategies;

/// <summary>
/// A scripted analyzer for crafted candidates. Comment markers in the code decide the report:
/// "# finding B602 cwe=78 High line=5" adds a finding, "# analyzer-crash" makes the tool fail
/// (Unknown), "# score=0.25" sets the neural score; "shell=True" alone is a High CWE-78 finding.
/// </summary>
public static partial class MarkerAnalyzer
{
    public static AnalysisReport Analyze(string code)
    {
        if (code.Contains("# analyzer-crash", StringComparison.Ordinal))
        {
            return new VerdictPolicy().Decide(["fake"], [ToolRun.Failed("fake", "crashed")], null);
        }

        var findings = FindingRegex().Matches(code).Select(m => new Finding("fake", m.Groups["rule"].Value, int.Parse(m.Groups["cwe"].Value, CultureInfo.InvariantCulture),
            Enum.Parse<Severity>(m.Groups["sev"].Value), Severity.High, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), $"{m.Groups["rule"].Value} issue")).ToList();
        if (findings.Count == 0 && code.Contains("shell=True", StringComparison.Ordinal))
        {
            findings.Add(new Finding("fake", "B602", 78, Severity.High, Severity.High, 2, 2, "subprocess call with shell=True"));
        }

        var syntax = code.Contains("def (", StringComparison.Ordinal) ? "line 1: invalid syntax" : null;
        return new VerdictPolicy().Decide(["fake"], [new ToolRun("fake", true, findings, null)], syntax);
    }

    public static CandidateScore Score(string code)
    {
        var match = ScoreRegex().Match(code);
        return match.Success
            ? new CandidateScore("scored", double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), null)
            : CandidateScore.Unscored("no score marker");
    }

    [GeneratedRegex(@"# finding (?<rule>\S+) cwe=(?<cwe>\d+) (?<sev>Low|Medium|High) line=(?<line>\d+)")]
    private static partial Regex FindingRegex();

    [GeneratedRegex(@"# score=([0-9.]+)")]
    private static partial Regex ScoreRegex();
}
