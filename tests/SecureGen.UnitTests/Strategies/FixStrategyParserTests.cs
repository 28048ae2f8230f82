using SecureGen.Core.Strategies;

namespace SecureGen.UnitTests.Strategies;

public sealed class FixStrategyParserTests
{
    [Fact]
    public void Numbered_items_in_common_markdown_shapes_are_read_with_their_continuation_lines()
    {
        const string answer = """
            The report flags B602.

            **1.** **Avoid the shell:** call subprocess.run with a list.
            2) Validate `host`
               against a hostname pattern.
            Strategy 3: Use shlex.quote on the host.
            ### 4. Drop the call entirely
            """;

        var strategies = FixStrategyParser.Parse(answer, 10);

        Assert.Equal(
            ["Avoid the shell: call subprocess.run with a list.", "Validate `host` against a hostname pattern.", "Use shlex.quote on the host.", "Drop the call entirely"],
            strategies);
    }

    [Fact]
    public void Code_blocks_are_skipped_duplicates_dropped_and_the_limit_kept()
    {
        const string answer = "1. Use a list.\n```python\n1. not a strategy\n```\n2. use a list.\n3. Validate input.\n4. Escape.";

        Assert.Equal(["Use a list.", "Validate input."], FixStrategyParser.Parse(answer, 2));
    }

    [Fact]
    public void Bullets_are_read_when_there_are_no_numbers_and_prose_alone_gives_nothing()
    {
        Assert.Equal(["Use a list.", "Validate input."], FixStrategyParser.Parse("Options:\n- Use a list.\n* Validate input.", 3));
        Assert.Empty(FixStrategyParser.Parse("Just rewrite it safely.", 3));
    }
}
