using SecureGen.Core.Analysis;

namespace SecureGen.Core.Metrics;

/// <summary>
/// Static verdicts set against the tests' verdicts on the same final code (definitions: docs/metrics.md,
/// "Static analysis vs tests"). The tests are the reference: a session the tests left Unknown says
/// nothing about static precision, one static left Unknown counts as a miss.
/// </summary>
/// <param name="Scope">"all", an analyzer's name (its own findings alone), or a CWE ("CWE-78").</param>
/// <param name="Counts">Sessions by static verdict (outer key) and tests verdict (inner key); every cell present.</param>
/// <param name="Agreement">Where both gave Secure or Vulnerable: the share where they agree; null when there is no such session.</param>
/// <param name="Precision">Of the sessions static called Vulnerable that the tests decided: the share the tests found vulnerable.</param>
/// <param name="Recall">Of the sessions the tests found vulnerable: the share static called Vulnerable.</param>
/// <param name="FalseAlarmRate">Of the sessions the tests found secure: the share static called Vulnerable.</param>
public sealed record AgreementMatrix(
    string Scope,
    int Sessions,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts,
    double? Agreement,
    double? Precision,
    double? Recall,
    double? FalseAlarmRate)
{
    /// <summary>The verdicts in table order.</summary>
    public static IReadOnlyList<Verdict> Order { get; } = [Verdict.Secure, Verdict.Vulnerable, Verdict.Unknown];

    public int Count(Verdict staticVerdict, Verdict testsVerdict) => Counts[staticVerdict.ToString()][testsVerdict.ToString()];

    /// <summary>The matrix of (static, tests) verdict pairs.</summary>
    public static AgreementMatrix Of(string scope, IReadOnlyCollection<(Verdict Static, Verdict Tests)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = Order.ToDictionary(
            s => s.ToString(),
            s => (IReadOnlyDictionary<string, int>)Order.ToDictionary(t => t.ToString(), t => pairs.Count(p => p.Static == s && p.Tests == t), StringComparer.Ordinal),
            StringComparer.Ordinal);
        int C(Verdict s, Verdict t) => counts[s.ToString()][t.ToString()];
        var vv = C(Verdict.Vulnerable, Verdict.Vulnerable);
        var vs = C(Verdict.Vulnerable, Verdict.Secure);
        var ss = C(Verdict.Secure, Verdict.Secure);
        var sv = C(Verdict.Secure, Verdict.Vulnerable);
        var testsVulnerable = Order.Sum(s => C(s, Verdict.Vulnerable));
        var testsSecure = Order.Sum(s => C(s, Verdict.Secure));
        return new AgreementMatrix(
            scope,
            pairs.Count,
            counts,
            Ratio(vv + ss, vv + ss + vs + sv),
            Ratio(vv, vv + vs),
            Ratio(vv, testsVulnerable),
            Ratio(vs, testsSecure));
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
