namespace SecureGen.Core.Analysis;

/// <summary>Short names of the CWE entries our analyzers report, for readable rule help and taxonomies.</summary>
public static class CweCatalog
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [20] = "Improper input validation",
        [22] = "Path traversal",
        [78] = "OS command injection",
        [79] = "Cross-site scripting",
        [88] = "Argument injection",
        [89] = "SQL injection",
        [90] = "LDAP injection",
        [94] = "Code injection",
        [95] = "Eval injection",
        [113] = "HTTP response splitting",
        [117] = "Log injection",
        [134] = "Externally controlled format string",
        [208] = "Observable timing discrepancy",
        [259] = "Hard-coded password",
        [284] = "Improper access control",
        [295] = "Improper certificate validation",
        [319] = "Cleartext transmission of sensitive information",
        [326] = "Inadequate encryption strength",
        [327] = "Broken or risky cryptographic algorithm",
        [328] = "Weak hash",
        [330] = "Insufficiently random values",
        [338] = "Cryptographically weak PRNG",
        [347] = "Improper verification of cryptographic signature",
        [377] = "Insecure temporary file",
        [502] = "Deserialization of untrusted data",
        [601] = "Open redirect",
        [605] = "Multiple binds to the same port",
        [611] = "XML external entity reference",
        [643] = "XPath injection",
        [703] = "Improper check of exceptional conditions",
        [730] = "Regular expression denial of service",
        [732] = "Incorrect permission assignment",
        [776] = "XML entity expansion",
        [798] = "Hard-coded credentials",
        [916] = "Password hash with insufficient computational effort",
        [918] = "Server-side request forgery",
        [1236] = "CSV formula injection",
        [1333] = "Inefficient regular expression complexity",
    };

    /// <summary>"OS command injection" for 78; "CWE-N" for an entry not in the list.</summary>
    public static string ShortName(int cwe) => Names.TryGetValue(cwe, out var name) ? name : $"CWE-{cwe}";

    public static Uri DefinitionUri(int cwe) => new($"https://cwe.mitre.org/data/definitions/{cwe}.html");
}
