using System.Text.RegularExpressions;

namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>
/// LLMSecEval (Tony et al., MSR 2023): 150 natural-language prompts as JSON or CSV with
/// "Prompt ID" ("CWE-089_SQI-1a"), "CWE Name", "NL Prompt" and "Manually-fixed NL Prompt" (older
/// releases: "Promot ID", "Modified Prompt", "LLM-generated NL Prompt"). The manually fixed wording is
/// preferred; the prompts' "&lt;language&gt;" placeholder becomes Python. Static analysis judges it.
/// </summary>
public sealed partial class LlmSecEvalLoader : IDatasetLoader
{
    public const string DatasetName = "llmseceval";

    public string Name => DatasetName;

    public DatasetSource? Source { get; } = new(
        new Uri("https://raw.githubusercontent.com/tuhh-softsec/LLMSecEval/main/Dataset/LLMSecEval-Prompts_dataset.json"), false, "LLMSecEval-Prompts_dataset.json");

    public IReadOnlyList<BenchmarkTask> Load(string? path)
    {
        var file = LoaderPaths.FileIn(LoaderPaths.Require(path, Name), "LLMSecEval-Prompts_dataset.json", "LLMSecEval-Prompts_dataset.csv", "LLMSecEval-prompts.json", "LLMSecEval-prompts.csv");
        var tasks = new List<BenchmarkTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in RecordReader.Read(file))
        {
            var id = record.Required("Prompt ID", "Promot ID");
            if (!seen.Add(id))
            {
                throw new DatasetFormatException(record.File, record.Line, $"duplicate Prompt ID '{id}'");
            }

            var text = record.Optional("Manually-fixed NL Prompt", "NL Prompt", "LLM-generated NL Prompt", "Modified Prompt")
                ?? throw new DatasetFormatException(record.File, record.Line, "missing field 'NL Prompt' (or 'Manually-fixed NL Prompt')");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            AddIfPresent(metadata, "cwe_name", record.Optional("CWE Name"));
            AddIfPresent(metadata, "original_language", record.Optional("Language"));
            AddIfPresent(metadata, "source_file", record.Optional("Filename"));
            tasks.Add(new BenchmarkTask(
                id,
                DatasetName,
                LanguagePlaceholder().Replace(text.Trim(), "Python"),
                PromptCode: null,
                EntryPoint: null,
                PromptFacts.Cwe(id),
                Title: record.Optional("CWE Name"),
                Metadata: metadata));
        }

        return tasks.Count > 0 ? tasks : throw new DatasetFormatException(file, null, "no records");
    }

    private static void AddIfPresent(Dictionary<string, string> metadata, string key, string? value)
    {
        if (value is not null)
        {
            metadata[key] = value;
        }
    }

    // The published prompts spell the placeholder "<language>" and, a few times, "<lanuage>".
    [GeneratedRegex("<lan[a-z]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LanguagePlaceholder();
}
