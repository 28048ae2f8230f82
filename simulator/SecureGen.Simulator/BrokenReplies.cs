using System.Text;

namespace SecureGen.Simulator;

/// <summary>Replies a flaky model or server produces: cut off mid-code, or garbage with no usable code.</summary>
internal static class BrokenReplies
{
    private static readonly string[] Words =
    [
        "Certainly", "The", "Response", "Output", "Token", "Value", "Result", "Lorem", "Ipsum", "Dolor", "Sit", "Amet",
        "Quantum", "Banana", "Horizon", "Seventeen", "Mirror", "Cascade", "Vector", "Jelly", "Nebula", "Paper",
    ];

    private static readonly string[] Noise = ["}{", "]]>", "\u00c3\u00a9", "\u00e2\u0080\u0099", "\ufffd", "@@", "~~", "%%", "<|", "|>", "\\x00", "&&"];

    /// <summary>
    /// Cuts the reply just after an opening bracket inside its code, past 30% of the code, the way a max-tokens
    /// stop leaves a call half written. An unclosed bracket (or a string left open) guarantees the result does not parse;
    /// real truncation at a line end can still parse, which no extractor can tell.
    /// </summary>
    public static string Truncate(string reply, Random random)
    {
        var codeStart = reply.IndexOf("def ", StringComparison.Ordinal);
        if (codeStart < 0)
        {
            return reply[..Math.Max(1, reply.Length / 2)];
        }

        var fenceEnd = reply.IndexOf("```", codeStart, StringComparison.Ordinal);
        var codeEnd = fenceEnd < 0 ? reply.Length : fenceEnd;
        var from = codeStart + (int)((codeEnd - codeStart) * (0.3 + (0.5 * random.NextDouble())));
        var cut = reply.IndexOfAny(['(', '[', '{'], from);
        while (cut >= 0 && cut < codeEnd && InComment(reply, cut))
        {
            cut = reply.IndexOfAny(['(', '[', '{'], cut + 1);
        }

        if (cut < 0 || cut >= codeEnd)
        {
            cut = reply.IndexOf('(', codeStart);
        }

        return reply[..(cut + 1)];
    }

    private static bool InComment(string text, int at)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return text.AsSpan(lineStart, at - lineStart).Contains('#');
    }

    /// <summary>Text with no usable Python in it: word salad, byte noise, a stuck token, or a fenced block that cannot parse.</summary>
    public static string Garbage(Random random)
    {
        var text = new StringBuilder();
        switch (random.Next(4))
        {
            case 0:
                for (var line = 0; line < 3 + random.Next(4); line++)
                {
                    for (var w = 0; w < 6 + random.Next(8); w++)
                    {
                        text.Append(Words[random.Next(Words.Length)]).Append(random.Next(5) == 0 ? ", " : " ");
                    }

                    text.Append(".\n");
                }

                break;
            case 1:
                for (var i = 0; i < 40 + random.Next(60); i++)
                {
                    text.Append(Noise[random.Next(Noise.Length)]);
                }

                break;
            case 2:
                var token = Words[random.Next(Words.Length)];
                text.Append(string.Join(' ', Enumerable.Repeat(token, 30 + random.Next(50))));
                break;
            default:
                text.Append("```python\ndef (:\n    return ]] ")
                    .Append(Words[random.Next(Words.Length)])
                    .Append(" ((\n```\n");
                break;
        }

        return text.ToString();
    }
}
