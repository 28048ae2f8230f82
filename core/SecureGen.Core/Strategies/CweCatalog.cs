using System.Text.RegularExpressions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// The weaknesses our analyzers report (Bandit's test ids and the taint analyzer's sinks map to
/// these), with names for prompts and keywords for guessing a task's likely weakness from its prompt.
/// </summary>
public static partial class CweCatalog
{
    public static IReadOnlyList<CweEntry> Entries { get; } =
    [
        new(78, "OS Command Injection", "building a shell or process command from untrusted input lets an attacker run commands.", ["subprocess", "shell", "command", "os.system", "popen", "ping", "execute a program", "run the program"]),
        new(89, "SQL Injection", "building an SQL statement from untrusted input lets an attacker change the query.", ["sql", "query", "database", "cursor", "sqlite", "select", "table", "insert", "update"]),
        new(79, "Cross-site Scripting", "putting untrusted input into HTML without escaping lets an attacker run script in the browser.", ["html", "template", "render", "page", "jinja", "markup", "comment", "web page"]),
        new(22, "Path Traversal", "building a file path from untrusted input lets an attacker read or write files outside the intended folder.", ["file path", "filename", "directory", "folder", "open the file", "read the file", "upload", "download"]),
        new(94, "Code Injection", "evaluating untrusted input as code lets an attacker run arbitrary code.", ["eval", "exec", "expression", "calculator", "evaluate"]),
        new(95, "Eval Injection", "passing untrusted input to eval() runs attacker-chosen code.", ["eval("]),
        new(502, "Deserialization of Untrusted Data", "deserialising untrusted data with pickle, marshal or unsafe YAML loaders can run attacker code.", ["pickle", "yaml", "deserializ", "marshal", "serialized", "unpickle"]),
        new(601, "Open Redirect", "redirecting to a URL taken from untrusted input sends users to attacker sites.", ["redirect", "next url", "return url", "next parameter", "login"]),
        new(611, "XML External Entity Reference", "parsing untrusted XML with external entities enabled leaks files or reaches internal hosts.", ["xml", "lxml", "etree", "xpath", "parse xml"]),
        new(918, "Server-Side Request Forgery", "fetching a URL taken from untrusted input lets an attacker reach internal services.", ["fetch", "url", "requests.get", "urlopen", "http request", "download", "webhook", "preview"]),
        new(327, "Broken or Risky Cryptographic Algorithm", "weak ciphers or modes (DES, ECB, RC4) do not protect the data.", ["encrypt", "decrypt", "cipher", "aes", "des", "crypto"]),
        new(328, "Weak Hash", "MD5 and SHA-1 are broken for security purposes.", ["hash", "md5", "sha1", "digest", "fingerprint", "checksum"]),
        new(330, "Insufficiently Random Values", "predictable random values can be guessed by an attacker.", ["random", "token", "api key", "nonce", "session id"]),
        new(338, "Weak PRNG", "the random module is not a cryptographically secure generator.", ["random", "reset token", "password reset", "otp", "one-time"]),
        new(259, "Hard-coded Password", "a password in the source code is known to everyone who has the code.", ["password", "credential", "secret", "api key"]),
        new(798, "Hard-coded Credentials", "credentials in the source code are known to everyone who has the code.", ["credential", "secret key", "access key"]),
        new(916, "Weak Password Hash", "passwords need a slow, salted hash (bcrypt, scrypt, PBKDF2, Argon2).", ["password", "store password", "hash password", "login"]),
        new(208, "Observable Timing Discrepancy", "comparing secrets with == leaks their content through timing.", ["signature", "hmac", "compare", "webhook", "token"]),
        new(347, "Improper Verification of Cryptographic Signature", "accepting tokens without verifying their signature lets an attacker forge them.", ["jwt", "signature", "token", "verify"]),
        new(134, "Externally-Controlled Format String", "using untrusted input as a format string exposes internal data.", ["format", "template string", "format string", "email template"]),
        new(295, "Improper Certificate Validation", "turning off TLS certificate checks allows man-in-the-middle attacks.", ["https", "certificate", "ssl", "tls", "verify=false"]),
        new(377, "Insecure Temporary File", "predictable temporary file names can be hijacked.", ["temporary file", "tempfile", "mktemp", "/tmp"]),
        new(90, "LDAP Injection", "building an LDAP filter from untrusted input lets an attacker change the search.", ["ldap"]),
        new(643, "XPath Injection", "building an XPath query from untrusted input lets an attacker change the query.", ["xpath"]),
        new(1333, "Inefficient Regular Expression Complexity", "regular expressions built from untrusted input can take exponential time.", ["regex", "regular expression", "pattern"]),
        new(117, "Improper Output Neutralization for Logs", "writing untrusted input to logs unescaped lets an attacker forge log lines.", ["log", "logging", "logger"]),
        new(732, "Incorrect Permission Assignment", "world-writable files can be changed by any user.", ["chmod", "permission"]),
        new(319, "Cleartext Transmission", "plain-text protocols (telnet, FTP, HTTP) expose the data in transit.", ["ftp", "telnet", "http://"]),
    ];

    public static CweEntry? Find(int id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>A label with the name when the catalogue knows it: "CWE-89 (SQL Injection)".</summary>
    public static string Describe(int id) => Find(id) is { } e ? $"{e.Label} ({e.Name})" : $"CWE-{id}";

    /// <summary>
    /// The weakness a prompt most likely invites, by keyword hits (earlier catalogue entries win ties);
    /// null when no keyword matches.
    /// </summary>
    public static CweEntry? Guess(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = prompt.ToLowerInvariant();
        CweEntry? best = null;
        var bestHits = 0;
        foreach (var entry in Entries)
        {
            var hits = entry.Keywords.Count(k => text.Contains(k, StringComparison.Ordinal));
            if (hits > bestHits)
            {
                best = entry;
                bestHits = hits;
            }
        }

        return best;
    }

    /// <summary>Reads "CWE-89", "CWE 89" or "cwe_89" in free text; null when there is none.</summary>
    public static int? ParseId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = CweRegex().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\bCWE[\s_:-]*(\d{1,4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex CweRegex();
}
