namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>
/// CyberSecEval (Meta PurpleLlama): the instruct or autocomplete suite, a JSON array whose records
/// carry test_case_prompt, cwe_identifier, language, and the insecure line the source detector found
/// (line_text, pattern_desc). Only Python records are loaded. The original code around that line
/// becomes the insecure reference. Static analysis judges it.
/// </summary>
public sealed class CyberSecEvalLoader(CyberSecEvalLoader.Suite suite) : IDatasetLoader
{
    public enum Suite
    {
        Instruct,
        Autocomplete,
    }

    private string SuiteName => suite == Suite.Instruct ? "instruct" : "autocomplete";

    public string Name => $"cyberseceval-{SuiteName}";

    public DatasetSource? Source => new(
        new Uri($"https://raw.githubusercontent.com/meta-llama/PurpleLlama/main/CybersecurityBenchmarks/datasets/{SuiteName}/{SuiteName}.json"), false, $"{SuiteName}.json");

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var file = LoaderPaths.FileIn(LoaderPaths.Require(path, Name), $"{SuiteName}_python.json", $"{SuiteName}.json");
        var tasks = new List<BenchmarkTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in RecordReader.Read(file))
        {
            var language = record.Optional("language");
            if (language is not null && !language.Equals("python", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var id = $"cse_{SuiteName}_{record.Required("prompt_id")}";
            if (!seen.Add(id))
            {
                throw new DatasetFormatException(record.File, record.Line, $"duplicate prompt_id in {id}");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in new[] { "line_text", "line_number", "pattern_desc", "pattern_id", "analyzer", "repo", "file_path" })
            {
                if (record.Optional(key) is { } value)
                {
                    metadata[key] = value;
                }
            }

            tasks.Add(new BenchmarkTask(
                id,
                Name,
                record.Required("test_case_prompt"),
                PromptCode: null,
                EntryPoint: null,
                PromptFacts.Cwe(record.Required("cwe_identifier")),
                Title: record.Optional("pattern_desc"),
                InsecureReference: record.Optional("origin_code"),
                Metadata: metadata));
        }

        return tasks.Count > 0 ? tasks : throw new DatasetFormatException(file, null, "no Python records");
    }
}
