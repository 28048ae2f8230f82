using SecureGen.Core.Benchmarks;

namespace SecureGen.Core.Scoring.Training;

/// <summary>The built-in benchmark's insecure and secure references as pairs: lines of insecure.py that secure.py does not have are vulnerable.</summary>
public static class BuiltinReferenceReader
{
    public const string SourceName = "builtin";

    public static SourceBatch Read(string? tasksFolder)
    {
        var tasks = new BuiltinDatasetLoader().Load(tasksFolder);
        var items = new List<LabeledCode>();
        var skipped = 0;
        foreach (var task in tasks)
        {
            if (task.InsecureReference is null || task.SecureReference is null)
            {
                skipped++;
                continue;
            }

            items.AddRange(LabeledCode.Pair($"builtin:{task.Id}", SourceName, TaskGroup(task.Id), task.Cwe, task.InsecureReference, task.SecureReference));
        }

        return new SourceBatch(SourceName, items, skipped, "no insecure or secure reference");
    }

    /// <summary>The group of everything made from one benchmark task, references and refinement pairs alike.</summary>
    public static string TaskGroup(string taskId) => $"task:{taskId}";
}
