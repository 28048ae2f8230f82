using System.Text.RegularExpressions;
using SecureGen.Core.Generation;

namespace SecureGen.Simulator;

/// <summary>
/// Reads a conversation for the signals the insecurity model weighs. The task's own prompt text is removed
/// first, so a docstring that happens to say "safe" is not taken for an instruction.
/// </summary>
internal static partial class ChatSignals
{
    public static PromptSignals Read(IReadOnlyList<ChatTurn> messages, BookEntry task, CompletionBook book)
    {
        var conversation = string.Join("\n", messages.Select(m => m.Content));
        var own = task.Task.PromptCode ?? task.Task.Prompt;
        var beyondTask = conversation.Replace(own.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), string.Empty, StringComparison.Ordinal);

        var instruction = SecurityRegex().IsMatch(beyondTask);
        var demonstration = book.Entries.Any(e => e != task && BookEntry.MostlyIn(e.SecureOnlyLines, conversation))
            || BookEntry.MostlyIn(task.SecureOnlyLines, conversation)
            || messages.Any(m => DemonstrationRegex().IsMatch(m.Content) && m.Content.Contains("```", StringComparison.Ordinal) && !m.Content.Contains(own.Trim(), StringComparison.Ordinal));
        var findings = FindingRegex().IsMatch(beyondTask);
        var sameCode = findings && BookEntry.MostlyIn(task.InsecureOnlyLines, conversation);
        return new PromptSignals(instruction, demonstration, findings, sameCode);
    }

    [GeneratedRegex(@"\b(secure(ly)?|security|vulnerab\w*|CWE-\d+|safe(ly)?|sanitiz\w*|injection|untrusted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityRegex();

    [GeneratedRegex(@"\b(example|demonstration|for instance|reference implementation)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DemonstrationRegex();

    [GeneratedRegex(@"\b(B\d{3}|SG-[A-Z]+-\d+|bandit|static analy[sz](er|is)|findings?|issue at line \d+|line \d+:|severity)", RegexOptions.IgnoreCase)]
    private static partial Regex FindingRegex();
}
