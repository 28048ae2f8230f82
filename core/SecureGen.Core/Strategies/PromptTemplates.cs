using System.Text;
using System.Text.RegularExpressions;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>How a task is put to a chat model, and how user-overridable templates are filled in.</summary>
public static partial class PromptTemplates
{
    public static string TaskMessage(SessionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.PromptCode is null)
        {
            return task.Prompt + "\n\nWrite the Python code. Reply with the complete code in one ```python block.";
        }

        var target = task.EntryPoint is null ? "the code" : $"the function `{task.EntryPoint}`";
        return $"Complete {target} in the following Python code. Reply with the complete code in one ```python block.\n\n```python\n{task.PromptCode.TrimEnd()}\n```";
    }

    /// <summary>
    /// Fills {name} placeholders from <paramref name="values"/>. Unknown placeholders are left as
    /// they are, so braces in a user's template (or in code) never break rendering.
    /// </summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        // One pass over the template: values are never re-scanned, so code containing "{code}" stays literal.
        return PlaceholderRegex().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? string.Empty : m.Value);
    }

    /// <summary>Code in a ```python fence.</summary>
    public static string Fenced(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new StringBuilder("```python\n").Append(code.TrimEnd()).Append("\n```").ToString();
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex PlaceholderRegex();
}
