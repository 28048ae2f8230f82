using SecureGen.Core.Generation;

namespace SecureGen.Core.Strategies;

/// <summary>Edits on a message list that prompt decorators share.</summary>
internal static class PromptEdits
{
    /// <summary>Replaces the last user message's text; earlier turns stay as they are.</summary>
    public static IReadOnlyList<ChatTurn> WithLastUser(IReadOnlyList<ChatTurn> messages, Func<string, string> rewrite)
    {
        var index = -1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == "user")
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return [.. messages, ChatTurn.User(rewrite(string.Empty))];
        }

        var copy = messages.ToList();
        copy[index] = messages[index] with { Content = rewrite(messages[index].Content) };
        return copy;
    }
}
