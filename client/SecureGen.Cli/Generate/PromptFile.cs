using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SecureGen.Core.Sessions;

namespace SecureGen.Cli.Generate;

/// <summary>
/// Turns a prompt file into a session task: Python code (a .py file, or text with a def) is a
/// code-completion prompt whose last function is the entry point; anything else is natural language.
/// </summary>
internal static partial class PromptFile
{
    public static SessionTask Read(string path, int? cwe)
    {
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException($"prompt file '{path}' is empty");
        }

        var id = "prompt-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
        var definitions = DefRegex().Matches(text);
        var isCode = path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || definitions.Count > 0;
        return isCode
            ? new SessionTask(id, "prompt", text, text, definitions.Count > 0 ? definitions[^1].Groups[1].Value : null, cwe)
            : new SessionTask(id, "prompt", text.Trim(), null, null, cwe);
    }

    [GeneratedRegex(@"^\s*(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(", RegexOptions.Multiline)]
    private static partial Regex DefRegex();
}
