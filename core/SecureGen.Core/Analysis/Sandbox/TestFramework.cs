namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>How the harness inside the sandbox runs the test files.</summary>
public enum TestFramework
{
    Unittest,
    Pytest,
}
