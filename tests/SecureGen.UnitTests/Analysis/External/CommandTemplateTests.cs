using SecureGen.Core.Analysis.External;

namespace SecureGen.UnitTests.Analysis.External;

public sealed class CommandTemplateTests
{
    [Fact]
    public void Arguments_are_split_like_a_shell_and_placeholders_filled_without_one()
    {
        var template = CommandTemplate.Parse("semgrep --sarif --config 'p/python rules' \"--exclude=a \\\"b\\\"\" {file}");

        var arguments = template.Expand("/tmp/x y/candidate.py; rm -rf /", "/tmp/x y", "/tmp/out.sarif");

        Assert.Equal(["semgrep", "--sarif", "--config", "p/python rules", "--exclude=a \"b\"", "/tmp/x y/candidate.py; rm -rf /"], arguments);
        Assert.False(template.WritesSarifFile);
    }

    [Fact]
    public void A_sarif_placeholder_means_the_tool_writes_a_file_instead_of_stdout()
    {
        var template = CommandTemplate.Parse("codeql database analyze db --format=sarif-latest --output={sarif} --source-root {dir}");

        Assert.True(template.WritesSarifFile);
        Assert.Equal("--output=/o/r.sarif", template.Expand("/s/c.py", "/s", "/o/r.sarif")[5]);
    }

    [Fact]
    public void Backslash_escapes_and_empty_quoted_arguments_are_kept()
    {
        Assert.Equal(["tool", "a b", "", "{file}"], CommandTemplate.Parse("tool a\\ b '' {file}").Arguments);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("semgrep --sarif", "names no {file} or {dir}")]
    [InlineData("{file}", "names no {file} or {dir}")]
    [InlineData("tool '{file}", "unclosed ' quote")]
    [InlineData("tool \"{file}", "unclosed \" quote")]
    [InlineData("tool {file} \\", "lone backslash")]
    public void A_command_that_can_never_work_is_rejected_with_the_reason(string command, string reason)
    {
        var error = Assert.Throws<ExternalToolConfigurationException>(() => CommandTemplate.Parse(command));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
