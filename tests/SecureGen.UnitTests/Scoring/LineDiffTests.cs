using SecureGen.Core.Scoring.Training;

namespace SecureGen.UnitTests.Scoring;

public sealed class LineDiffTests
{
    [Fact]
    public void Lines_the_fix_changed_or_removed_are_reported_one_based()
    {
        const string Before = "def f(c, name):\n    q = \"SELECT * FROM t WHERE n = '%s'\" % name\n    return c.execute(q)\n";
        const string After = "def f(c, name):\n    return c.execute(\"SELECT * FROM t WHERE n = ?\", (name,))\n";

        Assert.Equal([2, 3], LineDiff.RemovedLines(Before, After).Order());
    }

    [Fact]
    public void Reindentation_and_blank_lines_are_not_changes()
    {
        Assert.Empty(LineDiff.RemovedLines("if x:\n  y()\n\n", "if x:\n        y()\n"));
    }

    [Fact]
    public void Added_lines_alone_change_nothing_in_the_vulnerable_version()
    {
        Assert.Empty(LineDiff.RemovedLines("a = 1\nb = 2", "a = 1\ncheck(a)\nb = 2"));
    }
}
