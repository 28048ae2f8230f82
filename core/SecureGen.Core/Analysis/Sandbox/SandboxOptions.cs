namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>Where the sandbox's tools are and how runs are isolated from each other.</summary>
public sealed class SandboxOptions
{
    /// <summary>Debian's interpreter, as seen inside the sandbox (/usr is bound read-only).</summary>
    public string PythonPath { get; set; } = "/usr/bin/python3";

    public string BwrapPath { get; set; } = "/usr/bin/bwrap";

    public string SetprivPath { get; set; } = "/usr/bin/setpriv";

    public string PrlimitPath { get; set; } = "/usr/bin/prlimit";

    /// <summary>When running as root, each concurrent run gets its own uid from this range (inclusive), so runs cannot signal each other or share a process limit.</summary>
    public int FirstUid { get; set; } = 60000;

    public int LastUid { get; set; } = 60999;

    /// <summary>Folder for per-run files and uid locks; null picks /run/securegen-sandbox for root, else a folder under the temp path.</summary>
    public string? WorkRoot { get; set; }

    /// <summary>Folder holding harness.py; null finds worker/sandbox beside the app or in the source tree.</summary>
    public string? HarnessDirectory { get; set; }

    /// <summary>Host /etc entries bound read-only into the sandbox (the rest of /etc, /etc/shadow included, does not exist there).</summary>
    public IReadOnlyList<string> EtcEntries { get; set; } =
    [
        "/etc/python3", "/etc/python3.11", "/etc/python3.12", "/etc/python3.13", "/etc/ssl", "/etc/ca-certificates",
        "/etc/localtime", "/etc/timezone", "/etc/mime.types", "/etc/nsswitch.conf", "/etc/hosts", "/etc/host.conf",
        "/etc/protocols", "/etc/services", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives",
    ];

    /// <summary>How long past the wall-clock limit the harness gets to report before the whole sandbox is killed.</summary>
    public TimeSpan KillGrace { get; set; } = TimeSpan.FromSeconds(2);

    public SandboxLimits Limits { get; set; } = SandboxLimits.Default;

    /// <summary>
    /// As root on x86-64 Linux, runs fork from a warm server that imported the test framework once
    /// (each run still gets its own namespaces, root file system, uid and limits; see worker/sandbox/README.md).
    /// False, or not root: every run starts setpriv, prlimit, bwrap and a fresh interpreter. The environment
    /// variable SECUREGEN_SANDBOX_COLD=1 makes false the default (bench/SecureGen.Bench.Eval compares both).
    /// </summary>
    public bool Warm { get; set; } = Environment.GetEnvironmentVariable("SECUREGEN_SANDBOX_COLD") != "1";

    /// <summary>
    /// Installed modules the warm server imports once, before any job, so runs do not import them each
    /// (the test framework and what the harness needs are always imported). System packages from /usr only:
    /// they are imported as root. Missing ones are skipped. Every module makes each fork a little dearer.
    /// </summary>
    public IReadOnlyList<string> WarmPreload { get; set; } =
    [
        "tempfile", "sqlite3", "hashlib", "hmac", "secrets", "urllib.parse", "urllib.request", "subprocess", "logging",
        "socket", "ssl", "tarfile", "gzip", "pickle", "csv", "datetime", "base64", "html.parser", "email.parser",
        "ipaddress", "uuid", "dataclasses", "flask", "werkzeug.security", "werkzeug.utils", "jinja2", "markupsafe",
        "requests", "yaml", "lxml.etree", "jwt",
    ];
}
