namespace SecureGen.Simulator;

/// <summary>Wraps reference code the way chat models answer: prose, fences, sometimes no imports or no fence.</summary>
internal static class ReplyComposer
{
    public static string Compose(string code, string entryPoint, Random rng)
    {
        code = code.TrimEnd() + "\n";
        return rng.Next(5) switch
        {
            0 => $"Here is an implementation of `{entryPoint}`:\n\n```python\n{code}```\n\nThe function handles the input as described in the docstring.",
            1 => $"```python\n{code}```",
            2 => $"Sure! Below is the completed function.\n\n```py\n{WithoutImports(code)}```\n\nLet me know if you need anything else.",
            3 => $"You can do it like this:\n\n{code}\nThis should work for the cases in the docstring.",
            _ => $"```python\n{code}```\n\nExample usage:\n\n```python\nprint({entryPoint}(...))\n```",
        };
    }

    public static string Unrecognised() =>
        "I could not match this request to a task I know (this reply comes from the SecureGen simulator, a test double).\n\n```python\ndef solution():\n    raise NotImplementedError\n```\n";

    private static string WithoutImports(string code) =>
        string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("import ", StringComparison.Ordinal) && !l.StartsWith("from ", StringComparison.Ordinal))).TrimStart('\n');
}
