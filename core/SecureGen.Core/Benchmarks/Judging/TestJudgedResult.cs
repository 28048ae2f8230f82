using SecureGen.Core.Sessions;

namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>
/// A session result once the task's tests judged its final code: the tests' verdict replaces the
/// analyzers' (fail closed, <see cref="TestVerdictPolicy"/>), the analyzers' verdict is kept as
/// <see cref="SessionResult.StaticVerdict"/> and their reasons stay, marked "static:", beside the tests' reason.
/// </summary>
public static class TestJudgedResult
{
    public static SessionResult Apply(SessionResult result, TestJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(judgement);
        var (verdict, correct, reason) = TestVerdictPolicy.Decide(judgement, result.Unparsable);
        return result with
        {
            Verdict = verdict,
            StaticVerdict = result.Verdict,
            Judge = JudgeNames.Tests,
            FunctionalTestsPassed = correct,
            Reasons = [$"tests: {reason}", .. result.Reasons.Select(r => $"static: {r}")],
        };
    }
}
