using System.Text.RegularExpressions;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// One sandbox run: a candidate module (written as solution.py), the test files to run
/// against it (file name to content; tests import the candidate as <c>import solution</c>),
/// the framework, and optional limits (the runner's defaults when null). Support files sit beside
/// the tests (importable) but are not collected as tests: e.g. a module that re-exports the candidate
/// under the name a dataset's tests import.
/// </summary>
public sealed partial record SandboxJob(
    string CandidateCode,
    IReadOnlyDictionary<string, string> TestFiles,
    TestFramework Framework = TestFramework.Unittest,
    SandboxLimits? Limits = null,
    IReadOnlyDictionary<string, string>? SupportFiles = null)
{
    /// <summary>The candidate's file name inside the sandbox.</summary>
    public const string CandidateFileName = "solution.py";

    private const int MaxFiles = 64;
    private const int MaxFileChars = 1 << 20;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when the job cannot be run.</summary>
    internal void Validate()
    {
        if (CandidateCode is null)
        {
            throw new ArgumentException("sandbox job has no candidate code", nameof(CandidateCode));
        }

        if (CandidateCode.Length > MaxFileChars)
        {
            throw new ArgumentException($"sandbox job candidate is larger than {MaxFileChars} characters", nameof(CandidateCode));
        }

        if (TestFiles is null || TestFiles.Count == 0)
        {
            throw new ArgumentException("sandbox job has no test files", nameof(TestFiles));
        }

        if (TestFiles.Count > MaxFiles)
        {
            throw new ArgumentException($"sandbox job has {TestFiles.Count} test files; at most {MaxFiles} are allowed", nameof(TestFiles));
        }

        if (!Enum.IsDefined(Framework))
        {
            throw new ArgumentException($"sandbox job has an unknown test framework '{Framework}'", nameof(Framework));
        }

        foreach (var (name, content) in TestFiles)
        {
            if (name is null || !TestFileName().IsMatch(name) || name == CandidateFileName)
            {
                throw new ArgumentException($"sandbox test file name '{name}' is not allowed: use a Python module file name like test_example.py (not solution.py)", nameof(TestFiles));
            }

            if (content is null || content.Length > MaxFileChars)
            {
                throw new ArgumentException($"sandbox test file '{name}' is missing or larger than {MaxFileChars} characters", nameof(TestFiles));
            }
        }

        foreach (var (name, content) in SupportFiles ?? new Dictionary<string, string>())
        {
            if (name is null || !TestFileName().IsMatch(name) || name == CandidateFileName || TestFiles.ContainsKey(name))
            {
                throw new ArgumentException($"sandbox support file name '{name}' is not allowed: use a Python module file name that is neither solution.py nor a test file", nameof(SupportFiles));
            }

            if (content is null || content.Length > MaxFileChars)
            {
                throw new ArgumentException($"sandbox support file '{name}' is missing or larger than {MaxFileChars} characters", nameof(SupportFiles));
            }
        }

        (Limits ?? SandboxLimits.Default).Validate();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,99}\\.py$")]
    private static partial Regex TestFileName();
}
