namespace SecureGen.Core.Benchmarks;

/// <summary>The Python test runner a dataset's tests are written for.</summary>
public enum TestFramework
{
    Unittest,
    Pytest,
}
