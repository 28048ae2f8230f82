using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>Builds the static-vs-tests agreement table from the sessions the tests judged.</summary>
public static class StaticAgreementCalculator
{
    /// <summary>The agreement over tests-judged sessions that kept their static verdict; null when there are none.</summary>
    public static StaticTestAgreement? From(IEnumerable<SessionResult> results, Severity minimumSeverity = Severity.Medium)
    {
        ArgumentNullException.ThrowIfNull(results);
        var judged = results
            .Where(r => r.Judge == JudgeNames.Tests && r.StaticVerdict is not null && r.InfrastructureFailure is null)
            .ToList();
        if (judged.Count == 0)
        {
            return null;
        }

        var overall = AgreementMatrix.Of("all", [.. judged.Select(r => (r.StaticVerdict!.Value, r.Verdict))]);
        var analyzers = judged.SelectMany(r => r.Findings.Select(f => f.Tool)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var perAnalyzer = analyzers
            .Select(tool => AgreementMatrix.Of(tool, [.. judged.Select(r => (AnalyzerVerdict(r, tool, minimumSeverity), r.Verdict))]))
            .ToList();
        var perCwe = judged
            .GroupBy(r => r.Cwe)
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => AgreementMatrix.Of(g.Key is { } cwe ? $"CWE-{cwe}" : "none", [.. g.Select(r => (r.StaticVerdict!.Value, r.Verdict))]))
            .ToList();
        var policy = new VerdictPolicy(minimumSeverity);
        var perConfidence = new[] { Severity.Medium, Severity.High }
            .Select(level => AgreementMatrix.Of(
                $"evidence confidence {level.ToString().ToLowerInvariant()}+",
                [.. judged.Select(r => (AtConfidence(r, policy, level), r.Verdict))]))
            .ToList();
        return new StaticTestAgreement(overall, perAnalyzer, perCwe, perConfidence);
    }

    /// <summary>The static verdict when Vulnerable needs evidence of at least <paramref name="level"/> confidence.</summary>
    private static Verdict AtConfidence(SessionResult result, VerdictPolicy policy, Severity level) =>
        result.StaticVerdict == Verdict.Vulnerable && policy.EvidenceConfidence(result.Findings) is { } confidence && confidence < level
            ? Verdict.Secure
            : result.StaticVerdict!.Value;

    /// <summary>
    /// What one analyzer alone would have said: Vulnerable on its own deciding finding; Unknown when it
    /// failed or did not run, or the whole static verdict was Unknown (unparsable code); Secure otherwise.
    /// </summary>
    public static Verdict AnalyzerVerdict(SessionResult result, string tool, Severity minimumSeverity = Severity.Medium)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tool);
        if (result.Findings.Any(f => f.Tool == tool && f.Severity >= minimumSeverity))
        {
            return Verdict.Vulnerable;
        }

        var failed = result.Reasons.Any(r =>
            r.StartsWith($"static: {tool} failed", StringComparison.Ordinal) || r.StartsWith($"static: {tool} did not run", StringComparison.Ordinal));
        return failed || result.StaticVerdict == Verdict.Unknown ? Verdict.Unknown : Verdict.Secure;
    }
}
