namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// The outcome of one test. Ids look like pytest node ids for both frameworks:
/// <c>test_file.py::Class::method</c>; a test file that failed to import is reported under its file name.
/// </summary>
public sealed record SandboxTestResult(string Id, TestOutcome Outcome, string Message, TimeSpan Duration);
