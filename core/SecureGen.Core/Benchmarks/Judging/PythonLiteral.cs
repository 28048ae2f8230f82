namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>Python string literals for the few lines of Python the judge generates.</summary>
internal static class PythonLiteral
{
    public static string Quote(this string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
