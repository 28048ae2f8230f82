using System.Text;

namespace SecureGen.Core.Analysis.External;

/// <summary>
/// A tool command line split into arguments the way a POSIX shell would (whitespace separates;
/// '...' is literal; "..." allows \" and \\; a backslash outside quotes escapes the next character),
/// with {file}, {dir} and {sarif} filled in per run. The command is started directly, never
/// through a shell, so a path can never be read as shell syntax.
/// </summary>
public sealed class CommandTemplate
{
    public const string FilePlaceholder = "{file}";
    public const string DirectoryPlaceholder = "{dir}";
    public const string SarifPlaceholder = "{sarif}";

    private CommandTemplate(IReadOnlyList<string> arguments) => Arguments = arguments;

    /// <summary>Program and arguments, placeholders still in place.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The tool writes its SARIF to the {sarif} path rather than to stdout.</summary>
    public bool WritesSarifFile => Arguments.Any(a => a.Contains(SarifPlaceholder, StringComparison.Ordinal));

    /// <exception cref="ExternalToolConfigurationException">Empty, unbalanced quotes, or no {file}/{dir} to analyze.</exception>
    public static CommandTemplate Parse(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var arguments = Split(commandLine);
        if (arguments.Count == 0)
        {
            throw new ExternalToolConfigurationException("the command is empty");
        }

        if (!arguments.Skip(1).Any(a => a.Contains(FilePlaceholder, StringComparison.Ordinal) || a.Contains(DirectoryPlaceholder, StringComparison.Ordinal)))
        {
            throw new ExternalToolConfigurationException($"the command '{commandLine}' names no {FilePlaceholder} or {DirectoryPlaceholder} to analyze");
        }

        return new CommandTemplate(arguments);
    }

    public IReadOnlyList<string> Expand(string file, string directory, string sarifFile) =>
        Arguments.Select(a => a
            .Replace(FilePlaceholder, file, StringComparison.Ordinal)
            .Replace(DirectoryPlaceholder, directory, StringComparison.Ordinal)
            .Replace(SarifPlaceholder, sarifFile, StringComparison.Ordinal)).ToList();

    private static List<string> Split(string commandLine)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inArgument = false;
        var quote = '\0';
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else if (c == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\')
                {
                    current.Append(commandLine[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inArgument)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inArgument = false;
                }
            }
            else
            {
                inArgument = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\')
                {
                    if (i + 1 >= commandLine.Length)
                    {
                        throw new ExternalToolConfigurationException($"the command '{commandLine}' ends with a lone backslash");
                    }

                    current.Append(commandLine[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (quote != '\0')
        {
            throw new ExternalToolConfigurationException($"the command '{commandLine}' has an unclosed {quote} quote");
        }

        if (inArgument)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}
