namespace SecureGen.UnitTests.Strategies;

/// <summary>Crafted candidates for the strategy tests (see <see cref="MarkerAnalyzer"/> for the markers).</summary>
public static class Code
{
    public const string Secure = "import subprocess\n\ndef ping_host(host):\n    return subprocess.run(['ping', '-c', '1', host])\n";
    public const string ShellTrue = "import subprocess\n\ndef ping_host(host):\n    return subprocess.run('ping ' + host, shell=True)\n";

    public static string Vulnerable(string severity, int count = 1, double? score = null, int cwe = 78, string rule = "B602") =>
        "def ping_host(host):\n    pass\n"
        + string.Concat(Enumerable.Range(0, count).Select(i => $"# finding {rule} cwe={cwe} {severity} line={3 + i}\n"))
        + (score is null ? string.Empty : $"# score={score.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");

    public static string Clean(double? score = null, string tag = "") =>
        $"def ping_host(host):\n    return host  # clean {tag}\n" + (score is null ? string.Empty : $"# score={score.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");

    public const string Crash = "def ping_host(host):\n    pass\n# analyzer-crash\n";
    public const string Unparsable = "def (broken\n";
}
