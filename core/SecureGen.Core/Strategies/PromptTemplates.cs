using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>How a task is put to a chat model.</summary>
public static class PromptTemplates
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
}
