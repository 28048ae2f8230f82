using SecureGen.Core.Analysis;

namespace SecureGen.Cli.Analyze;

/// <summary>
/// `analyze` exit codes: 0 all Secure, 1 some Vulnerable, 2 some Unknown or bad input. As with
/// grep, "could not tell" wins over "found": a run with an Unknown file is never a clean pass.
/// </summary>
internal static class AnalyzeExitCode
{
    public const int Secure = 0;
    public const int Vulnerable = 1;
    public const int UnknownOrError = 2;

    public static int For(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToList();
        return all.Contains(Verdict.Unknown) || all.Count == 0 ? UnknownOrError
            : all.Contains(Verdict.Vulnerable) ? Vulnerable
            : Secure;
    }
}
