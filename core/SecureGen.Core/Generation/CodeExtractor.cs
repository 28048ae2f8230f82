using System.Text.RegularExpressions;

namespace SecureGen.Core.Generation;

/// <summary>
/// Rule-based extraction and repair of Python code from chat replies, in the manner SALLM
/// describes: pick the fenced block that defines the asked-for function (or the bare code),
/// drop prose around it, cut end-of-text junk, and put back the prompt's own code (imports,
/// module setup, decorators, signature) that the reply left out.
/// </summary>
public static partial class CodeExtractor
{
    private static readonly string[] StopMarkers = ["<|endoftext|>", "<|im_end|>", "<|eot_id|>", "</s>", "<|end|>", "<|EOT|>"];
    private static readonly HashSet<string> PythonTags = new(StringComparer.OrdinalIgnoreCase) { "", "python", "py", "python3", "py3", "pycon" };

    public static ExtractedCode Extract(string reply, string? promptCode = null, string? entryPoint = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var repairs = new List<string>();
        var text = reply.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var marker in StopMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text[..at];
                repairs.Add($"cut text after {marker}");
            }
        }

        var (code, method) = ChooseCode(text, entryPoint, repairs);
        code = TrimJunkLines(code, repairs);
        if (promptCode is not null && entryPoint is not null && IsBodyContinuation(code, promptCode, entryPoint))
        {
            // The reply only continues the prompt's function body: keep its indentation.
            repairs.Add("reply continues the prompt: prepended the prompt");
            return new ExtractedCode(promptCode.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n" + code.TrimEnd() + "\n", "continuation", repairs);
        }

        code = Dedent(code);
        if (string.IsNullOrWhiteSpace(code))
        {
            return new ExtractedCode(string.Empty, "empty", repairs);
        }

        if (promptCode is not null && entryPoint is not null)
        {
            (code, method) = RestorePromptCode(code, method, promptCode, entryPoint, repairs);
        }

        return new ExtractedCode(code.TrimEnd() + "\n", method, repairs);
    }

    private static (string Code, string Method) ChooseCode(string text, string? entryPoint, List<string> repairs)
    {
        var blocks = FenceRegex().Matches(text)
            .Select(m => (Tag: m.Groups["tag"].Value.Trim(), Body: StripInteractivePrompts(m.Groups["body"].Value, repairs)))
            .Where(b => !string.IsNullOrWhiteSpace(b.Body))
            .ToList();
        if (blocks.Count == 0)
        {
            return (BareCode(StripInteractivePrompts(text, repairs)), "bare");
        }

        var python = blocks.Where(b => PythonTags.Contains(b.Tag)).ToList();
        if (python.Count == 0)
        {
            // A wrong language tag is common; keep blocks that read as Python.
            python = blocks.Where(b => LooksLikePython(b.Body)).ToList();
        }

        if (python.Count == 0)
        {
            python = blocks;
        }

        if (entryPoint is not null)
        {
            var defining = python.Where(b => DefinesFunction(b.Body, entryPoint)).ToList();
            if (defining.Count > 0)
            {
                var chosen = defining.OrderByDescending(b => b.Body.Length).First().Body;
                return (WithHelperBlocks(chosen, python.Select(b => b.Body).Where(b => !DefinesFunction(b, entryPoint)).ToList(), repairs), "fenced");
            }
        }

        return (python.OrderByDescending(b => b.Body.Length).First().Body, "fenced");
    }

    /// <summary>
    /// Replies often put a helper in its own block ("first a validator: ..., then: ..."). Blocks that define
    /// a top-level name the chosen code uses go in front of it, in reply order; usage examples define nothing and stay out.
    /// </summary>
    private static string WithHelperBlocks(string chosen, List<string> others, List<string> repairs)
    {
        var used = IdentifierRegex().Matches(chosen).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var definedInChosen = TopLevelNameRegex().Matches(chosen).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var helpers = others
            .Where(b => TopLevelNameRegex().Matches(b).Select(m => m.Groups["name"].Value).Any(n => used.Contains(n) && !definedInChosen.Contains(n)))
            .ToList();
        if (helpers.Count == 0)
        {
            return chosen;
        }

        repairs.Add($"merged {helpers.Count} helper block(s) the function uses");
        return string.Join("\n\n", helpers.Select(h => Dedent(h).TrimEnd()).Append(Dedent(chosen)));
    }

    /// <summary>Turns an interactive session (>>> / ... prompts, or IPython In [n]: prompts) into a script: prompts removed, printed output dropped.</summary>
    private static string StripInteractivePrompts(string code, List<string> repairs)
    {
        var lines = code.Split('\n');
        if (!lines.Any(l => PromptLineRegex().IsMatch(l) && !l.TrimStart().StartsWith("...", StringComparison.Ordinal)))
        {
            return code;
        }

        var kept = new List<string>();
        foreach (var line in lines)
        {
            var match = PromptLineRegex().Match(line);
            if (match.Success)
            {
                kept.Add(line[match.Length..]);
            }
            else if (line.Trim().Length == 0)
            {
                kept.Add(string.Empty);
            }
        }

        repairs.Add("removed interactive prompts and printed output");
        return string.Join('\n', kept);
    }

    private static bool IsBodyContinuation(string code, string promptCode, string entryPoint)
    {
        if (DefinesFunction(code, entryPoint) || !DefinesFunction(promptCode, entryPoint))
        {
            return false;
        }

        var firstLine = code.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
        return firstLine.StartsWith(' ') || firstLine.StartsWith('\t');
    }

    private static string BareCode(string text)
    {
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => CodeStartRegex().IsMatch(l));
        if (first < 0)
        {
            // Maybe a bare continuation of the prompt: an indented body.
            first = Array.FindIndex(lines, l => l.StartsWith("    ", StringComparison.Ordinal) || l.StartsWith('\t'));
            if (first < 0)
            {
                return string.Empty;
            }
        }

        var last = lines.Length - 1;
        while (last > first && (string.IsNullOrWhiteSpace(lines[last]) || IsProse(lines[last])))
        {
            last--;
        }

        return string.Join('\n', lines[first..(last + 1)]);
    }

    private static bool IsProse(string line) =>
        !line.StartsWith(' ') && !line.StartsWith('\t') && !CodeStartRegex().IsMatch(line) && !CodeContinuationRegex().IsMatch(line);

    private static bool LooksLikePython(string body) => PythonMarkerRegex().IsMatch(body);

    internal static bool DefinesFunction(string code, string name) =>
        Regex.IsMatch(code, $@"^[ \t]*(async[ \t]+)?def[ \t]+{Regex.Escape(name)}[ \t]*\(", RegexOptions.Multiline);

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indents = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).ToList();
        var common = indents.Count == 0 ? 0 : indents.Min();
        return common == 0 ? code : string.Join('\n', lines.Select(l => l.Length >= common ? l[common..] : l.TrimStart(' ')));
    }

    private static string TrimJunkLines(string code, List<string> repairs)
    {
        var lines = code.Split('\n').ToList();
        var removed = false;
        while (lines.Count > 0 && (string.IsNullOrWhiteSpace(lines[^1]) || JunkLineRegex().IsMatch(lines[^1])))
        {
            removed |= !string.IsNullOrWhiteSpace(lines[^1]);
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && (string.IsNullOrWhiteSpace(lines[0]) || JunkLineRegex().IsMatch(lines[0])))
        {
            removed |= !string.IsNullOrWhiteSpace(lines[0]);
            lines.RemoveAt(0);
        }

        if (removed)
        {
            repairs.Add("removed stray markup lines");
        }

        return string.Join('\n', lines);
    }

    private static (string Code, string Method) RestorePromptCode(string code, string method, string promptCode, string entryPoint, List<string> repairs)
    {
        var prompt = promptCode.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        var promptLines = prompt.Split('\n');
        var defIndex = Array.FindIndex(promptLines, l => DefinesFunction(l, entryPoint));
        if (defIndex < 0)
        {
            return (code, method);
        }

        var codeLines = code.Split('\n').ToList();
        var present = new HashSet<string>(codeLines.Select(l => l.Trim()), StringComparer.Ordinal);

        // Decorators right above the prompt's def (e.g. a Flask route) belong to the function.
        var decoratorStart = defIndex;
        while (decoratorStart > 0 && promptLines[decoratorStart - 1].TrimStart().StartsWith('@'))
        {
            decoratorStart--;
        }

        var codeDef = codeLines.FindIndex(l => DefinesFunction(l, entryPoint));
        if (codeDef >= 0 && decoratorStart < defIndex && (codeDef == 0 || !codeLines[codeDef - 1].TrimStart().StartsWith('@')))
        {
            codeLines.InsertRange(codeDef, promptLines[decoratorStart..defIndex]);
            repairs.Add("re-added the prompt's decorators");
        }

        // Module-level statements of the prompt (imports, app setup) that the reply dropped.
        var missing = new List<string>();
        foreach (var statement in TopLevelStatements(promptLines[..decoratorStart]))
        {
            if (!statement.All(l => present.Contains(l.Trim())))
            {
                missing.AddRange(statement);
            }
        }

        if (missing.Count > 0)
        {
            var imports = missing.Where(l => ImportRegex().IsMatch(l)).ToList();
            var others = missing.Except(imports).ToList();
            var insertAt = LastImportIndex(codeLines) + 1;
            var block = new List<string>(imports);
            if (others.Count > 0)
            {
                if (insertAt > 0 || imports.Count > 0)
                {
                    block.Add(string.Empty);
                }

                block.AddRange(others);
            }

            // Keep a blank line between the re-added module code and what follows it.
            if (insertAt < codeLines.Count && codeLines[insertAt].Trim().Length > 0)
            {
                block.Add(string.Empty);
            }

            codeLines.InsertRange(insertAt, block);
            repairs.Add($"re-added {missing.Count} line(s) of the prompt's module code");
        }

        return (string.Join('\n', codeLines), method);
    }

    private static int LastImportIndex(List<string> lines)
    {
        var last = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (ImportRegex().IsMatch(lines[i]))
            {
                last = i;
            }
            else if (lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#'))
            {
                break;
            }
        }

        return last;
    }

    /// <summary>Groups the prompt's header into top-level statements (a statement with its indented or bracketed continuation lines).</summary>
    private static IEnumerable<List<string>> TopLevelStatements(string[] lines)
    {
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!line.StartsWith(' ') && !line.StartsWith('\t') && !line.StartsWith(')') && !line.StartsWith(']') && !line.StartsWith('}'))
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = [line];
            }
            else
            {
                current?.Add(line);
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    [GeneratedRegex(@"^[ \t]*(?<fence>```|~~~)[ \t]*(?<tag>[\w+#.-]*)[^\n]*\n(?<body>.*?)(?:^[ \t]*\k<fence>[ \t]*$|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^(import\s|from\s+[\w.]+\s+import\s|def\s|async\s+def\s|class\s|@\w|#!)")]
    private static partial Regex CodeStartRegex();

    [GeneratedRegex(@"^([A-Za-z_][\w.]*(\[[^\]]*\])?\s*(=|\+=|-=|\()|if\s|elif\s|else:|for\s|while\s|try:|except|finally:|with\s|return\b|raise\b|print\(|[)\]}]|#)")]
    private static partial Regex CodeContinuationRegex();

    [GeneratedRegex(@"^\s*(def|class|import|from)\s", RegexOptions.Multiline)]
    private static partial Regex PythonMarkerRegex();

    [GeneratedRegex(@"^\s*(```\w*|~~~|</?code>|</?pre>|<\|[a-z_]+\|>)\s*$")]
    private static partial Regex JunkLineRegex();

    [GeneratedRegex(@"^(import\s|from\s+[\w.]+\s+import\s)")]
    private static partial Regex ImportRegex();

    [GeneratedRegex(@"^(>>> ?|\.\.\.(?= |$) ?|In \[\d*\]: ?|\s+\.\.\.: ?)")]
    private static partial Regex PromptLineRegex();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex(@"^(?:(?:async[ \t]+)?def|class)[ \t]+(?<name>[A-Za-z_]\w*)|^(?<name>[A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)", RegexOptions.Multiline)]
    private static partial Regex TopLevelNameRegex();
}
