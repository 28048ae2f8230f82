using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.Sarif;

namespace SecureGen.UnitTests.Analysis.Sarif;

public sealed class SarifFindingReaderTests
{
    private const string Location = """{ "physicalLocation": { "artifactLocation": { "uri": "candidate.py" }, "region": { "startLine": 4, "endLine": 5 } } }""";

    /// <summary>A one-run log from tool "scanner" with one rule (id R1) and the given result members.</summary>
    private static string Log(string ruleMembers, string resultMembers, string runMembers = "") => $$"""
        {
          "version": "2.1.0",
          "runs": [{
            "tool": { "driver": { "name": "scanner", "rules": [{ "id": "R1", "name": "Rule1" {{Prefix(ruleMembers)}} }] } },
            "results": [{ "ruleId": "R1", "message": { "text": "found it" }, "locations": [{{Location}}] {{Prefix(resultMembers)}} }]
            {{Prefix(runMembers)}}
          }]
        }
        """;

    private static string Prefix(string members) => members.Length == 0 ? string.Empty : ", " + members;

    private static Finding Only(string sarif) => Assert.Single(SarifFindingReader.Read(sarif).Findings);

    [Theory]
    [InlineData("\"properties\": { \"tags\": [\"security\", \"CWE-89\"] }", "")]
    [InlineData("\"properties\": { \"tags\": [\"external/cwe/cwe-089\"] }", "")]
    [InlineData("\"properties\": { \"tags\": [\"CWE-89: Improper Neutralization of Special Elements used in an SQL Command\"] }", "")]
    [InlineData("\"properties\": { \"cwe\": \"CWE-89\" }", "")]
    [InlineData("\"properties\": { \"cwe\": [\"cwe_89\", \"CWE-20\"] }", "")]
    [InlineData("\"relationships\": [{ \"target\": { \"id\": \"89\", \"toolComponent\": { \"name\": \"CWE\" } } }]", "")]
    [InlineData("", "\"taxa\": [{ \"id\": \"89\", \"toolComponent\": { \"name\": \"CWE\" } }]")]
    [InlineData("", "\"properties\": { \"tags\": [\"CWE-089\"] }")]
    public void The_cwe_is_read_from_tags_properties_taxa_or_relationships(string ruleMembers, string resultMembers) =>
        Assert.Equal(89, Only(Log(ruleMembers, resultMembers)).Cwe);

    [Fact]
    public void A_taxon_referenced_by_index_is_resolved_through_the_run_taxonomies()
    {
        var sarif = Log("", "\"taxa\": [{ \"index\": 1, \"toolComponent\": { \"index\": 0 } }]",
            "\"taxonomies\": [{ \"name\": \"CWE\", \"taxa\": [{ \"id\": \"20\" }, { \"id\": \"502\" }] }]");

        Assert.Equal(502, Only(sarif).Cwe);
    }

    [Theory]
    [InlineData("owasp-a03-injection")]
    [InlineData("cwe-0")]
    [InlineData("mycwe89")]
    public void Tags_that_are_not_cwe_ids_give_no_cwe(string tag) =>
        Assert.Null(Only(Log($"\"properties\": {{ \"tags\": [\"{tag}\"] }}", "")).Cwe);

    [Theory]
    [InlineData("\"level\": \"error\"", "", Severity.High)]
    [InlineData("\"level\": \"warning\"", "", Severity.Medium)]
    [InlineData("\"level\": \"note\"", "", Severity.Low)]
    [InlineData("\"level\": \"none\"", "", Severity.Low)]
    [InlineData("", "", Severity.Medium)]
    [InlineData("", "\"defaultConfiguration\": { \"level\": \"error\" }", Severity.High)]
    [InlineData("\"level\": \"note\"", "\"properties\": { \"security-severity\": \"9.8\" }", Severity.High)]
    [InlineData("\"level\": \"error\"", "\"properties\": { \"security-severity\": \"5.5\" }", Severity.Medium)]
    [InlineData("\"level\": \"error\", \"properties\": { \"security-severity\": 1.5 }", "", Severity.Low)]
    [InlineData("\"level\": \"warning\"", "\"properties\": { \"security-severity\": \"not a number\" }", Severity.Medium)]
    public void Severity_comes_from_a_security_severity_score_else_from_the_level(string resultMembers, string ruleMembers, Severity expected) =>
        Assert.Equal(expected, Only(Log(ruleMembers, resultMembers)).Severity);

    [Fact]
    public void Lines_message_rule_name_and_precision_are_kept()
    {
        var finding = Only(Log("\"properties\": { \"precision\": \"very-high\" }", ""));

        Assert.Equal(("scanner", "R1", "Rule1", 4, 5, "found it", Severity.High), (finding.Tool, finding.RuleId, finding.RuleName, finding.Line, finding.EndLine, finding.Message, finding.Confidence));
    }

    [Fact]
    public void A_code_flow_gives_the_source_and_sink_lines()
    {
        const string step = """{ "location": { "physicalLocation": { "artifactLocation": { "uri": "c.py" }, "region": { "startLine": LINE } } } }""";
        var flow = $$"""
            "codeFlows": [{ "threadFlows": [{ "locations": [{{step.Replace("LINE", "2", StringComparison.Ordinal)}}, {{step.Replace("LINE", "3", StringComparison.Ordinal)}}, {{step.Replace("LINE", "4", StringComparison.Ordinal)}}] }] }]
            """;

        var finding = Only(Log("", flow));

        Assert.Equal((2, 4), (finding.SourceLine, finding.SinkLine));
    }

    [Fact]
    public void A_templated_message_is_filled_from_the_rule_message_strings()
    {
        var sarif = Log(
            "\"messageStrings\": { \"default\": { \"text\": \"{0} reaches {1}\" } }",
            "\"message\": { \"id\": \"default\", \"arguments\": [\"request.args\", \"os.system\"] }").Replace("\"message\": { \"text\": \"found it\" }, ", string.Empty, StringComparison.Ordinal);

        Assert.Equal("request.args reaches os.system", Only(sarif).Message);
    }

    [Theory]
    [InlineData("\"kind\": \"pass\"")]
    [InlineData("\"kind\": \"notApplicable\"")]
    [InlineData("\"suppressions\": [{ \"kind\": \"inSource\" }]")]
    [InlineData("\"suppressions\": [{ \"kind\": \"external\", \"status\": \"accepted\" }]")]
    [InlineData("\"baselineState\": \"absent\"")]
    public void Passed_suppressed_and_absent_results_are_not_findings(string resultMembers)
    {
        var read = SarifFindingReader.Read(Log("", resultMembers));

        Assert.Empty(read.Findings);
        Assert.Equal(1, read.ResultCount);
    }

    [Fact]
    public void A_suppression_that_was_rejected_still_counts() =>
        Assert.Single(SarifFindingReader.Read(Log("", "\"suppressions\": [{ \"kind\": \"external\", \"status\": \"rejected\" }]")).Findings);

    [Fact]
    public void A_rule_in_a_tool_extension_is_found_like_codeql_query_pack_rules()
    {
        const string sarif = """
            {
              "version": "2.1.0",
              "runs": [{
                "tool": {
                  "driver": { "name": "CodeQL" },
                  "extensions": [{ "name": "codeql/python-queries", "rules": [{ "id": "py/path-injection", "name": "py/path-injection", "properties": { "tags": ["security", "external/cwe/cwe-022"], "security-severity": "7.5" } }] }]
                },
                "results": [{ "ruleId": "py/path-injection", "rule": { "id": "py/path-injection", "index": 0, "toolComponent": { "index": 0 } }, "message": { "text": "path from user" }, "locations": [] }]
              }]
            }
            """;

        var finding = Only(sarif);

        Assert.Equal(("CodeQL", 22, Severity.High, 1), (finding.Tool, finding.Cwe, finding.Severity, finding.Line));
    }

    [Fact]
    public void An_unsuccessful_invocation_is_reported_as_an_execution_failure()
    {
        var sarif = Log("", "", "\"invocations\": [{ \"executionSuccessful\": false, \"toolExecutionNotifications\": [{ \"level\": \"error\", \"message\": { \"text\": \"parser crashed\" } }] }]");

        var failure = Assert.Single(SarifFindingReader.Read(sarif).ExecutionFailures);

        Assert.Equal("scanner reported an unsuccessful execution: parser crashed", failure);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("Scanning 1 file... done", "not JSON")]
    [InlineData("[1, 2]", "not a SARIF log")]
    [InlineData("{\"version\": \"2.0.0\", \"runs\": []}", "not a SARIF 2.1.0 log (version: 2.0.0)")]
    [InlineData("{\"runs\": []}", "version: missing")]
    [InlineData("{\"version\": \"2.1.0\"}", "no 'runs' array")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}}]}", "no tool.driver.name")]
    public void Anything_that_is_not_sarif_2_1_0_is_a_format_error_naming_the_problem(string text, string expected)
    {
        var error = Assert.Throws<SarifFormatException>(() => SarifFindingReader.Read(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
