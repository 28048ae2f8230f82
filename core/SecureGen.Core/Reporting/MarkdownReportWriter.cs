using System.Text;
using SecureGen.Core.Metrics;

namespace SecureGen.Core.Reporting;

/// <summary>report.md: the run's figures as tables a reviewer can read in a terminal or a pull request.</summary>
public static class MarkdownReportWriter
{
    public static string Write(RunMetrics metrics, string? sarifNote = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var md = new StringBuilder();
        md.Append("# SecureGen run ").Append(metrics.RunId).Append("\n\n");
        if (metrics.Simulated)
        {
            md.Append("> **Simulated:** answers came from the SecureGen simulator (a test double), not a model. These figures say nothing about any model.\n\n");
        }

        md.Append(Invariant.Int(metrics.Sessions)).Append(" sessions, ")
            .Append(Invariant.Int(metrics.Strategies.Count)).Append(" strategies. ")
            .Append("Rates are over judged sessions (n); infrastructure failures are counted apart; Unknown is never secure. ");
        if (metrics.Bootstrap is { } b)
        {
            md.Append("Intervals: ").Append(Invariant.Percent(b.Level)).Append(" percentile bootstrap over ").Append(b.Unit)
                .Append(", ").Append(Invariant.Int(b.Resamples)).Append(" resamples, seed ").Append(Invariant.Int(b.Seed)).Append('.');
        }

        md.Append("\n\n## Per strategy\n\n")
            .Append("| strategy | tasks | n | secure rate [95% CI] | vulnerable rate [95% CI] | unknown | unparsable | duplicates | infra failures | judges | tokens | cost (USD) | mean session ms |\n")
            .Append("|---|---:|---:|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        foreach (var s in metrics.Strategies)
        {
            md.Append("| ").Append(s.Strategy)
                .Append(" | ").Append(Invariant.Int(s.Tasks))
                .Append(" | ").Append(Invariant.Int(s.Judged))
                .Append(" | ").Append(WithInterval(s.SecureRate, s.SecureRateInterval))
                .Append(" | ").Append(WithInterval(s.VulnerableRate, s.VulnerableRateInterval))
                .Append(" | ").Append(Invariant.Int(s.Unknown))
                .Append(" | ").Append(Invariant.Int(s.Unparsable))
                .Append(" | ").Append(Invariant.Int(s.Duplicates))
                .Append(" | ").Append(Invariant.Int(s.InfrastructureFailures))
                .Append(" | ").Append(string.Join(", ", s.Judges.Select(j => $"{j.Key} {Invariant.Int(j.Value)}")))
                .Append(" | ").Append(Invariant.Int(s.PromptTokens + s.CompletionTokens))
                .Append(" | ").Append(s.CostUsd is { } cost ? Invariant.Num(cost, 4) : "n/a")
                .Append(" | ").Append(Invariant.Num(s.MeanSessionMs, 0))
                .Append(" |\n");
        }

        md.Append("\n## At k\n\n")
            .Append("Mean over tasks of the unbiased per-task estimate. `n<k`: no task has k samples; tasks with fewer than k samples are left out and counted.\n\n")
            .Append("| strategy | metric | value [95% CI] | tasks | tasks with n<k | note |\n")
            .Append("|---|---|---|---:|---:|---|\n");
        foreach (var s in metrics.Strategies)
        {
            foreach (var m in s.AtK)
            {
                md.Append("| ").Append(s.Strategy)
                    .Append(" | ").Append(m.Metric)
                    .Append(" | ").Append(m.Value is { } v ? WithInterval(v, m.Interval) : "—")
                    .Append(" | ").Append(Invariant.Int(m.Tasks))
                    .Append(" | ").Append(Invariant.Int(m.TasksBelowK))
                    .Append(" | ").Append(m.Note ?? string.Empty)
                    .Append(" |\n");
            }
        }

        md.Append("\n## Per CWE\n\n")
            .Append("| strategy | CWE | tasks | n | secure | vulnerable | unknown | unparsable | duplicates | infra | secure rate | vulnerable rate | secure@1 | vulnerable@1 |\n")
            .Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var c in metrics.PerCwe)
        {
            md.Append("| ").Append(c.Strategy)
                .Append(" | ").Append(c.Cwe is { } id ? $"CWE-{Invariant.Int(id)}" : "none")
                .Append(" | ").Append(Invariant.Int(c.Tasks))
                .Append(" | ").Append(Invariant.Int(c.N))
                .Append(" | ").Append(Invariant.Int(c.Secure))
                .Append(" | ").Append(Invariant.Int(c.Vulnerable))
                .Append(" | ").Append(Invariant.Int(c.Unknown))
                .Append(" | ").Append(Invariant.Int(c.Unparsable))
                .Append(" | ").Append(Invariant.Int(c.Duplicates))
                .Append(" | ").Append(Invariant.Int(c.InfrastructureFailures))
                .Append(" | ").Append(Invariant.Percent(c.SecureRate))
                .Append(" | ").Append(Invariant.Percent(c.VulnerableRate))
                .Append(" | ").Append(c.SecureAt1 is { } s1 ? Invariant.Num(s1) : "—")
                .Append(" | ").Append(c.VulnerableAt1 is { } v1 ? Invariant.Num(v1) : "—")
                .Append(" |\n");
        }

        if (metrics.StaticVsTests is { } agreement)
        {
            AppendAgreement(md, agreement);
        }

        md.Append("\n## Definitions\n\n")
            .Append("For a task with n judged samples, c functionally correct, s judged secure, v judged vulnerable and f correct and secure: ")
            .Append("pass@k = 1 - C(n-c,k)/C(n,k); secure@k = C(s,k)/C(n,k); vulnerable@k = 1 - C(n-v,k)/C(n,k); func-sec@k = 1 - C(n-f,k)/C(n,k). ")
            .Append("pass@k and func-sec@k need functional tests; where none ran they are not reported. ")
            .Append("A duplicate is a sample whose normalised final code repeats an earlier sample of the same task and strategy; duplicates stay in n.\n");
        if (sarifNote is not null)
        {
            md.Append("\nSARIF: ").Append(sarifNote).Append('\n');
        }

        return md.ToString();
    }

    private static void AppendAgreement(StringBuilder md, StaticTestAgreement agreement)
    {
        md.Append("\n## Static analysis vs tests\n\n")
            .Append("Sessions the security tests judged (all strategies): the analyzers' verdict on the same final code against the tests' verdict. ")
            .Append("It shows how far static-only verdicts can be trusted on data without tests. ")
            .Append("Precision: of static Vulnerable verdicts the tests decided, the share the tests confirmed; recall: of sessions the tests found vulnerable, the share static flagged; ")
            .Append("false alarms: of sessions the tests found secure, the share static flagged. Evidence confidence rows: static Vulnerable verdicts below that confidence counted as Secure. Per analyzer: its own medium or higher findings alone.\n\n")
            .Append("| static \\ tests | Secure | Vulnerable | Unknown |\n|---|---:|---:|---:|\n");
        foreach (var s in AgreementMatrix.Order)
        {
            md.Append("| ").Append(s.ToString());
            foreach (var t in AgreementMatrix.Order)
            {
                md.Append(" | ").Append(Invariant.Int(agreement.Overall.Count(s, t)));
            }

            md.Append(" |\n");
        }

        md.Append("\n| scope | sessions | agreement | precision | recall | false alarms |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var m in new[] { agreement.Overall }.Concat(agreement.PerConfidence).Concat(agreement.PerAnalyzer).Concat(agreement.PerCwe))
        {
            md.Append("| ").Append(m.Scope)
                .Append(" | ").Append(Invariant.Int(m.Sessions))
                .Append(" | ").Append(Share(m.Agreement))
                .Append(" | ").Append(Share(m.Precision))
                .Append(" | ").Append(Share(m.Recall))
                .Append(" | ").Append(Share(m.FalseAlarmRate))
                .Append(" |\n");
        }
    }

    private static string Share(double? value) => value is { } v ? Invariant.Percent(v) : "—";

    private static string WithInterval(double value, ConfidenceInterval? interval) =>
        interval is null
            ? Invariant.Num(value)
            : $"{Invariant.Num(value)} [{Invariant.Num(interval.Low)}, {Invariant.Num(interval.High)}]";
}
