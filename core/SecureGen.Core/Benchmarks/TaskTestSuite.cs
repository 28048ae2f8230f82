using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.Core.Benchmarks;

/// <summary>
/// A task's executable tests, as the sandbox needs them: write <see cref="Files"/> and the candidate
/// (as <c>{CandidateModule}.py</c>) into an empty folder, then run one command per kind of test there.
/// A command exits 0 when its tests pass.
/// </summary>
/// <param name="CandidateModule">Module name the tests import the candidate as (file name without .py).</param>
/// <param name="Files">Test files by relative path.</param>
/// <param name="FunctionalCommand">argv that runs the functional tests (python3 first).</param>
/// <param name="SecurityCommand">argv that runs the security tests; failing means the candidate is exploitable.</param>
public sealed record TaskTestSuite(
    TestFramework Framework,
    string CandidateModule,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<string> FunctionalCommand,
    IReadOnlyList<string> SecurityCommand);
