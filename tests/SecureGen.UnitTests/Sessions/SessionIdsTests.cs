using SecureGen.Core.Sessions;

namespace SecureGen.UnitTests.Sessions;

public sealed class SessionIdsTests
{
    [Fact]
    public void The_same_session_always_gets_the_same_id()
    {
        Assert.Equal(SessionIds.For("r", "t", "s", 1), SessionIds.For("r", "t", "s", 1));
    }

    [Fact]
    public void Any_part_changing_changes_the_id()
    {
        var ids = new[]
        {
            SessionIds.For("r", "t", "s", 1), SessionIds.For("r2", "t", "s", 1), SessionIds.For("r", "t2", "s", 1),
            SessionIds.For("r", "t", "s2", 1), SessionIds.For("r", "t", "s", 2),
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Parts_cannot_run_into_each_other()
    {
        Assert.NotEqual(SessionIds.For("ab", "c", "s", 0), SessionIds.For("a", "bc", "s", 0));
    }
}
