using System.Text.Json;
using SecureGen.Core.Reporting;
using SecureGen.Core.Scoring;
using SecureGen.Core.Scoring.Training;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Scoring;

/// <summary>The export on small hand-made SVEN and CyberSecEval files, the real built-in benchmark and a tiny corpus.</summary>
public sealed class TrainingDataExporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-export-").FullName;

    public TrainingDataExporterTests()
    {
        var sven = Directory.CreateDirectory(Path.Combine(_dir, "datasets", "sven", "data_train_val", "train")).FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "datasets", "sven", "data_train_val", "val"));
        var rows = Enumerable.Range(0, 12).Select(i => JsonSerializer.Serialize(new
        {
            func_name = $"f{i}",
            func_src_before = $"def f{i}(c, n):\n    # look up\n    c.execute(\"SELECT * FROM t WHERE n = '%s'\" % n)\n    return c\n",
            func_src_after = $"def f{i}(c, n):\n    # look up\n    c.execute(\"SELECT * FROM t WHERE n = ?\", (n,))\n    return c\n",
            commit_link = $"github.com/o/r/commit/{i / 2}",
            file_name = "app.py",
            vul_type = "cwe-089",
            line_changes = new { deleted = new[] { new { line_no = 3 } }, added = new[] { new { line_no = 3 } } },
        })).Append(JsonSerializer.Serialize(new { func_name = "c", func_src_before = "int f(){}", func_src_after = "int f(){}", commit_link = "x", file_name = "a.c", vul_type = "cwe-787" }));
        File.WriteAllLines(Path.Combine(sven, "cwe-089.jsonl"), rows);

        var cse = Directory.CreateDirectory(Path.Combine(_dir, "datasets", "cyberseceval")).FullName;
        var cases = new object[]
        {
            new { prompt_id = 7, language = "python", cwe_identifier = "CWE-338", line_text = "    random.seed(SEED)", origin_code = "import random\ndef g():\n    random.seed(SEED)\n    return random.random()\n" },
            new { prompt_id = 8, language = "python", cwe_identifier = "CWE-78", line_text = "nowhere()", origin_code = "print(1)\n" },
        };
        File.WriteAllText(Path.Combine(cse, "instruct_python.json"), JsonSerializer.Serialize(cases));
        File.WriteAllText(Path.Combine(cse, "autocomplete_python.json"), JsonSerializer.Serialize(cases));

        var corpus = Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "lib.py"), string.Concat(Enumerable.Repeat("import os\nos.path.join(a, b)\nsubprocess.run(args)\n", 20)));
        Directory.CreateDirectory(Path.Combine(corpus, "tests"));
        File.WriteAllText(Path.Combine(corpus, "tests", "test_lib.py"), "skipped_test_token = 1\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TrainingDataManifest Export(string output, params RefinementPair[] pairs) => TrainingDataExporter.Export(
        new TrainingDataRequest(output, Path.Combine(_dir, "datasets"), null, [Path.Combine(_dir, "corpus")], pairs, VocabularyMinCount: 1),
        new FakeClock());

    private static List<TrainingSample> ReadSamples(string output) =>
        DataSplit.All.SelectMany(s => File.ReadLines(Path.Combine(output, $"{s}.jsonl")))
            .Select(l => JsonSerializer.Deserialize<TrainingSample>(l, ResultJson.Options)!)
            .ToList();

    [Fact]
    public void Tokens_on_the_lines_a_fix_deleted_are_labeled_vulnerable_and_the_fix_is_all_clean()
    {
        var output = Path.Combine(_dir, "out");
        Export(output);
        var samples = ReadSamples(output);

        var before = samples.Single(s => s.Id == "sven:train/cwe-089:1:before");
        Assert.Equal(LabeledCode.Vulnerable, before.Role);
        Assert.Equal(89, before.Cwe);
        Assert.All(before.Lines.Zip(before.Labels), x => Assert.Equal(x.First == 3 ? 1 : 0, x.Second));
        Assert.Contains(1, before.Labels);
        var after = samples.Single(s => s.Id == "sven:train/cwe-089:1:after");
        Assert.All(after.Labels, l => Assert.Equal(0, l));
        Assert.Equal(before.PairId, after.PairId);
        Assert.DoesNotContain(samples, s => s.Id.StartsWith("sven:train/cwe-089:13", StringComparison.Ordinal));
    }

    [Fact]
    public void No_group_appears_in_two_splits()
    {
        var output = Path.Combine(_dir, "out");
        Export(output, new RefinementPair("import os\nos.system(cmd)\n", "import subprocess\nsubprocess.run([cmd])\n", 78, "sg_cwe078_ping_host"));
        var samples = ReadSamples(output);

        Assert.All(samples.GroupBy(s => s.Group), g => Assert.Single(g.Select(s => s.Split).Distinct()));
        Assert.Contains(samples, s => s.Source == "refinement" && s.Group == "task:sg_cwe078_ping_host");
        var builtinSplit = samples.First(s => s.Group == "task:sg_cwe078_ping_host" && s.Source == "builtin").Split;
        Assert.All(samples.Where(s => s.Source == "refinement"), s => Assert.Equal(builtinSplit, s.Split));
    }

    [Fact]
    public void Cyberseceval_flagged_lines_are_labeled_and_cases_whose_line_is_missing_are_counted_as_left_out()
    {
        var output = Path.Combine(_dir, "out");
        var manifest = Export(output);
        var flagged = ReadSamples(output).Single(s => s.Source == CyberSecEvalReader.SourceName);

        Assert.Equal(LabeledCode.Flagged, flagged.Role);
        Assert.All(flagged.Lines.Zip(flagged.Labels), x => Assert.Equal(x.First == 3 ? 1 : 0, x.Second));
        var counts = manifest.Sources.Single(s => s.Source == CyberSecEvalReader.SourceName);
        Assert.Equal(1, counts.Skipped);
        Assert.Equal(1, manifest.Sources.Single(s => s.Source == SvenPairReader.SourceName).Skipped);
    }

    [Fact]
    public void The_vocabulary_and_corpus_come_from_our_tokenizer_and_test_folders_are_skipped()
    {
        var output = Path.Combine(_dir, "out");
        var manifest = Export(output);
        var vocabulary = Vocabulary.Load(Path.Combine(output, TrainingDataExporter.VocabularyFile));

        Assert.Equal(1, manifest.CorpusFiles);
        Assert.Contains("subprocess", vocabulary.Tokens);
        Assert.DoesNotContain("skipped_test_token", vocabulary.Tokens);
        var corpusIds = File.ReadLines(Path.Combine(output, TrainingDataExporter.CorpusFile)).SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32())).ToList();
        Assert.Equal(manifest.CorpusTokens, corpusIds.Count);
        Assert.Equal(vocabulary.Tokens.ToList().IndexOf("os"), corpusIds[1]);
    }

    [Fact]
    public void The_real_shared_datasets_split_by_task_without_leaks()
    {
        var datasets = ScorerPaths.DefaultDatasetsRoot();
        if (datasets is null || !Directory.Exists(Path.Combine(datasets, "sven")))
        {
            Assert.Skip("../shared/datasets is not on this machine");
        }

        var output = Path.Combine(_dir, "real");
        var manifest = TrainingDataExporter.Export(new TrainingDataRequest(output, datasets, null, [Path.Combine(_dir, "corpus")], [], VocabularyMinCount: 1), new FakeClock());
        var samples = ReadSamples(output);

        Assert.All(samples.GroupBy(s => s.Group), g => Assert.Single(g.Select(s => s.Split).Distinct()));
        Assert.All(manifest.Sources.Where(s => s.Source != "refinement"), s => Assert.True(s.Train > 0 && s.Validation > 0 && s.Test > 0, s.Source));
        Assert.All(samples.Where(s => s.Role == LabeledCode.Fixed), s => Assert.DoesNotContain(1, s.Labels));
    }
}
