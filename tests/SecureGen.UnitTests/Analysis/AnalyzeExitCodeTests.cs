using SecureGen.Cli.Analyze;
using SecureGen.Core.Analysis;

namespace SecureGen.UnitTests.Analysis;

public sealed class AnalyzeExitCodeTests
{
    [Theory]
    [InlineData(new[] { Verdict.Secure, Verdict.Secure }, 0)]
    [InlineData(new[] { Verdict.Secure, Verdict.Vulnerable }, 1)]
    [InlineData(new[] { Verdict.Secure, Verdict.Unknown }, 2)]
    [InlineData(new[] { Verdict.Vulnerable, Verdict.Unknown }, 2)]
    [InlineData(new Verdict[0], 2)]
    public void Unknown_wins_over_vulnerable_which_wins_over_secure(Verdict[] verdicts, int expected) =>
        Assert.Equal(expected, AnalyzeExitCode.For(verdicts));
}
