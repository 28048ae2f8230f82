using SecureGen.Core.Benchmarks;

namespace SecureGen.UnitTests.Benchmarks;

public sealed class TaskFilterTests
{
    private static readonly BenchmarkTask[] Tasks =
    [
        new("a78", "builtin", "p", null, null, 78),
        new("b89", "builtin", "p", null, null, 89),
        new("c78", "builtin", "p", null, null, 78),
        new("d22", "builtin", "p", null, null, 22),
    ];

    [Fact]
    public void No_filter_keeps_every_task() => Assert.Equal(4, new TaskFilter().Apply(Tasks).Count);

    [Fact]
    public void Cwe_filter_keeps_tasks_of_those_cwes_in_dataset_order() =>
        Assert.Equal(["a78", "b89", "c78"], new TaskFilter(Cwes: [89, 78]).Apply(Tasks).Select(t => t.Id));

    [Fact]
    public void The_limit_applies_after_the_other_filters() =>
        Assert.Equal(["a78"], new TaskFilter(Limit: 1, Cwes: [78]).Apply(Tasks).Select(t => t.Id));

    [Fact]
    public void Task_ids_select_those_tasks() =>
        Assert.Equal(["b89", "d22"], new TaskFilter(TaskIds: ["d22", "b89"]).Apply(Tasks).Select(t => t.Id));

    [Fact]
    public void An_unknown_task_id_is_an_error_naming_it()
    {
        var error = Assert.Throws<TaskSelectionException>(() => new TaskFilter(TaskIds: ["zz"]).Apply(Tasks));
        Assert.Equal("no task 'zz' in dataset 'builtin'", error.Message);
    }

    [Fact]
    public void Filters_that_select_nothing_are_an_error()
    {
        var error = Assert.Throws<TaskSelectionException>(() => new TaskFilter(Cwes: [611]).Apply(Tasks));
        Assert.Equal("no task matches the given --cwe / --task-id filters", error.Message);
    }
}
