using SecureGen.Cli.Eval;
using SecureGen.Cli.Generate;
using SecureGen.Core.Strategies;

namespace SecureGen.UnitTests.Cli;

public sealed class StrategyArgumentsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Command_line_parameters_override_the_params_file_and_at_file_values_are_read_from_disk()
    {
        var file = Path.Combine(_dir, "params.json");
        File.WriteAllText(file, """{ "fdsp": { "j": 2, "k": 5 }, "securecoder.n": 6 }""");
        var template = Path.Combine(_dir, "template.txt");
        File.WriteAllText(template, "Write secure code.\n{prompt}");

        var (parsed, problem) = StrategyArguments.Parse(StrategyCatalog.Default, ["fdsp,securecoder", "prompted"], file, ["fdsp.k=1", $"prompted.template=@{template}"]);

        Assert.Null(problem);
        Assert.Equal(["fdsp", "securecoder", "prompted"], parsed!.Strategies);
        Assert.Equal("2", parsed.Parameters["fdsp.j"]);
        Assert.Equal("1", parsed.Parameters["fdsp.k"]);
        Assert.Equal("6", parsed.Parameters["securecoder.n"]);
        Assert.Equal("Write secure code.\n{prompt}", parsed.Parameters["prompted.template"]);
    }

    [Fact]
    public void Malformed_input_gives_one_line_problems()
    {
        var broken = Path.Combine(_dir, "broken.json");
        File.WriteAllText(broken, "{ \"fdsp.k\": ");

        Assert.Equal("--param 'k' is not key=value", StrategyArguments.Parse(StrategyCatalog.Default, ["fdsp"], null, ["k"]).Problem);
        Assert.StartsWith($"{broken}:1: invalid JSON", StrategyArguments.Parse(StrategyCatalog.Default, ["fdsp"], broken, []).Problem, StringComparison.Ordinal);
        Assert.Equal($"--params-file '{_dir}/none.json' does not exist", StrategyArguments.Parse(StrategyCatalog.Default, ["fdsp"], $"{_dir}/none.json", []).Problem);
        Assert.Equal("--param prompted.template: file 'missing.txt' does not exist", StrategyArguments.Parse(StrategyCatalog.Default, ["prompted"], null, ["prompted.template=@missing.txt"]).Problem);
    }

    [Fact]
    public void Session_parameters_are_accepted_with_any_strategy()
    {
        Assert.Null(StrategyArguments.Parse(StrategyCatalog.Default, ["baseline"], null, ["codebase.grow=false"]).Problem);
    }

    [Fact]
    public void A_python_prompt_file_is_a_completion_task_for_its_last_function_and_prose_is_natural_language()
    {
        var code = Path.Combine(_dir, "p.py");
        File.WriteAllText(code, "import os\n\ndef helper(x):\n    return x\n\ndef target(path: str) -> bytes:\n    \"\"\"Read it.\"\"\"\n");
        var prose = Path.Combine(_dir, "p.txt");
        File.WriteAllText(prose, "Write a Flask route that greets the user by name.\n");

        var task = PromptFile.Read(code, 22);
        var text = PromptFile.Read(prose, null);

        Assert.Equal(("target", 22), (task.EntryPoint, task.Cwe));
        Assert.NotNull(task.PromptCode);
        Assert.Null(text.PromptCode);
        Assert.Equal("Write a Flask route that greets the user by name.", text.Prompt);
        Assert.StartsWith("prompt-", task.Id, StringComparison.Ordinal);
    }
}
