using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Loaders;

namespace SecureGen.UnitTests.Benchmarks;

/// <summary>Loaders of the datasets not published in shared/datasets, on small fixture files of our own.</summary>
public sealed class FixtureLoaderTests
{
    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Benchmarks", "Fixtures", relative);

    [Fact]
    public void SecurityEval_reads_code_prompts_with_cwe_entry_point_and_insecure_reference()
    {
        var tasks = new SecurityEvalLoader().Load(Fixture("securityeval"));

        Assert.Equal(["CWE-020_author_1", "CWE-078_codeql_1", "CWE-327_sonar_2"], tasks.Select(t => t.Id));
        Assert.Equal([20, 78, 327], tasks.Select(t => t.Cwe));
        Assert.Equal("yaml_load", tasks[0].EntryPoint);
        Assert.Equal("executeCommand", tasks[1].EntryPoint);
        Assert.Equal(tasks[0].Prompt, tasks[0].PromptCode);
        Assert.Contains("yaml.Loader", tasks[0].InsecureReference, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Null(t.TestSuite));
    }

    [Fact]
    public void SecurityEval_with_a_broken_json_line_names_the_file_and_line()
    {
        var error = Assert.Throws<DatasetFormatException>(() => new SecurityEvalLoader().Load(Fixture("securityeval/broken-json.jsonl")));

        Assert.Equal(2, error.Line);
        Assert.StartsWith($"{Fixture("securityeval/broken-json.jsonl")}:2: invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void SecurityEval_record_without_a_prompt_names_the_missing_field_and_line()
    {
        var error = Assert.Throws<DatasetFormatException>(() => new SecurityEvalLoader().Load(Fixture("securityeval/missing-prompt.jsonl")));

        Assert.Equal($"{Fixture("securityeval/missing-prompt.jsonl")}:3: missing field 'Prompt'", error.Message);
    }

    [Fact]
    public void LLMSecEval_json_prefers_the_manually_fixed_prompt_and_accepts_the_old_field_names()
    {
        var tasks = new LlmSecEvalLoader().Load(Fixture("llmseceval/prompts.json"));

        Assert.Equal(["CWE-089_SQI-1a", "CWE-022_IPT-2b"], tasks.Select(t => t.Id));
        Assert.Equal([89, 22], tasks.Select(t => t.Cwe));
        Assert.Equal("Generate Python code for the following: a web app checks whether a user exists in the users table.", tasks[0].Prompt);
        Assert.StartsWith("Generate Python code", tasks[1].Prompt, StringComparison.Ordinal);
        Assert.Null(tasks[0].PromptCode);
        Assert.Equal("Improper Neutralization of Special Elements used in an SQL Command", tasks[0].Metadata!["cwe_name"]);
    }

    [Fact]
    public void LLMSecEval_csv_handles_quoted_commas_quotes_and_line_breaks()
    {
        var tasks = new LlmSecEvalLoader().Load(Fixture("llmseceval/prompts.csv"));

        Assert.Equal(2, tasks.Count);
        Assert.Equal("Generate Python code for the following: ping the host, then report \"up\" or \"down\".", tasks[0].Prompt);
        Assert.Equal("Generate Python code for the following: load a YAML config safely.", tasks[1].Prompt);
        Assert.Equal(502, tasks[1].Cwe);
    }

    [Fact]
    public void LLMSecEval_json_record_without_any_prompt_text_names_the_line_it_starts_on()
    {
        var file = Fixture("llmseceval/no-prompt.json");
        var recordLine = Array.FindIndex(File.ReadAllLines(file), l => l.Contains("CWE-079_XSS-1a", StringComparison.Ordinal));

        var error = Assert.Throws<DatasetFormatException>(() => new LlmSecEvalLoader().Load(file));

        // The record's opening brace is the line before its first field (1-based: the index itself).
        Assert.Equal($"{file}:{recordLine}: missing field 'NL Prompt' (or 'Manually-fixed NL Prompt')", error.Message);
    }

    [Fact]
    public void LLMSecEval_csv_with_an_unterminated_quote_names_the_line_where_it_opened()
    {
        var error = Assert.Throws<DatasetFormatException>(() => new LlmSecEvalLoader().Load(Fixture("llmseceval/unterminated.csv")));

        Assert.Equal($"{Fixture("llmseceval/unterminated.csv")}:3: unterminated quoted field", error.Message);
    }

    [Fact]
    public void LLMSecEval_csv_row_with_too_few_fields_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<DatasetFormatException>(() => new LlmSecEvalLoader().Load(Fixture("llmseceval/short-row.csv")));

        Assert.Equal($"{Fixture("llmseceval/short-row.csv")}:3: expected 3 fields as in the header, found 2", error.Message);
    }

    [Fact]
    public void PythonSecurityEval_folders_load_in_numeric_order()
    {
        var tasks = new PythonSecurityEvalLoader().Load(Fixture("pythonsecurityeval/folders"));

        Assert.Equal(["pse_1", "pse_2", "pse_10"], tasks.Select(t => t.Id));
        Assert.Equal("Write a Python function to check for the existence of a row in SQLite.", tasks[0].Prompt);
        Assert.All(tasks, t => Assert.Null(t.Cwe));
    }

    [Fact]
    public void PythonSecurityEval_jsonl_form_loads_id_and_prompt()
    {
        var tasks = new PythonSecurityEvalLoader().Load(Fixture("pythonsecurityeval/prompts.jsonl"));

        Assert.Equal(["pse_7", "pse_8"], tasks.Select(t => t.Id));
    }

    [Fact]
    public void PythonSecurityEval_jsonl_record_without_an_id_names_the_line()
    {
        var error = Assert.Throws<DatasetFormatException>(() => new PythonSecurityEvalLoader().Load(Fixture("pythonsecurityeval/missing-id.jsonl")));

        Assert.Equal($"{Fixture("pythonsecurityeval/missing-id.jsonl")}:2: missing field 'id'", error.Message);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_one_line_error_naming_it()
    {
        var error = Assert.Throws<DatasetFormatException>(() => new SecurityEvalLoader().Load("/no/such/dataset.jsonl"));

        Assert.Equal("/no/such/dataset.jsonl: no such file or folder", error.Message);
    }

    [Fact]
    public void The_catalog_knows_every_loader_by_name()
    {
        Assert.Equal(
            ["builtin", "cweval", "cyberseceval-autocomplete", "cyberseceval-instruct", "llmseceval", "pythonsecurityeval", "sallm", "securityeval"],
            DatasetCatalog.Default.Names);
        Assert.Throws<UnknownDatasetException>(() => DatasetCatalog.Default.Find("nope"));
    }
}
