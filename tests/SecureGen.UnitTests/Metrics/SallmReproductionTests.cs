using System.Globalization;
using System.Text;
using SecureGen.Core.Metrics;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Metrics;

/// <summary>
/// Recomputes SALLM's published vulnerable@k (Evaluation/At_k_Results.csv) from its per-sample labels
/// (Evaluation/Results/&lt;model&gt;_&lt;temperature&gt;.csv) with our estimator. docs/sallm-reproduction.md
/// holds the table this writes and explains where SALLM's secure@k differs from ours.
/// </summary>
public sealed class SallmReproductionTests
{
    private const double TolerancePercentagePoints = 0.01;
    private static readonly int[] PublishedKs = [1, 3, 5];

    [Fact]
    public void Our_vulnerable_at_k_reproduces_every_published_figure_within_a_hundredth_of_a_point()
    {
        var rows = Reproduce(SharedDatasets.Require("sallm/Evaluation"));

        Assert.Equal(28, rows.Count);
        foreach (var row in rows)
        {
            foreach (var (column, published, ours) in row.VulnerableColumns())
            {
                Assert.True(Math.Abs(published - ours) <= TolerancePercentagePoints, $"{row.Model} T={row.Temperature} {column}: published {published}, ours {ours}");
            }
        }
    }

    [Fact]
    public void Their_secure_at_k_is_reproduced_only_by_reading_samples_in_order_and_ours_differs()
    {
        var rows = Reproduce(SharedDatasets.Require("sallm/Evaluation"));

        foreach (var row in rows)
        {
            foreach (var (column, published, firstK) in row.SecureColumnsTheirWay())
            {
                Assert.True(Math.Abs(published - firstK) <= TolerancePercentagePoints, $"{row.Model} T={row.Temperature} {column}: published {published}, first-k {firstK}");
            }
        }

        // The order-independent estimator disagrees with theirs wherever samples of a prompt disagree.
        Assert.Contains(rows, r => Math.Abs(r.PublishedSecure[1] - r.OurSecure[3]) > 1);
        var table = Table(rows);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "sallm-reproduction-table.md"), table);
    }

    private sealed record Row(
        string Model,
        string Temperature,
        double[] PublishedVul,
        double[] PublishedInVul,
        double[] PublishedSecure,
        double[] PublishedInSecure,
        Dictionary<int, double> OurVul,
        Dictionary<int, double> OurInVul,
        Dictionary<int, double> FirstKSecure,
        Dictionary<int, double> FirstKInSecure,
        Dictionary<int, double> OurSecure,
        Dictionary<int, double> OurSecureCompilable)
    {
        // The published "@5" columns of in_vul and of both secure metrics were computed at k = 10 (shared/datasets/README.md).
        public IEnumerable<(string, double, double)> VulnerableColumns() =>
        [
            ("vul_at_k@1", PublishedVul[0], OurVul[1]), ("vul_at_k@3", PublishedVul[1], OurVul[3]), ("vul_at_k@5", PublishedVul[2], OurVul[5]),
            ("in_vul_at_k@1", PublishedInVul[0], OurInVul[1]), ("in_vul_at_k@3", PublishedInVul[1], OurInVul[3]), ("in_vul_at_k@5 (k=10)", PublishedInVul[2], OurInVul[10]),
        ];

        public IEnumerable<(string, double, double)> SecureColumnsTheirWay() =>
        [
            ("new_security_at_k@1", PublishedSecure[0], FirstKSecure[1]), ("new_security_at_k@3", PublishedSecure[1], FirstKSecure[3]), ("new_security_at_k@5 (k=10)", PublishedSecure[2], FirstKSecure[10]),
            ("in_new_security_at_k@1", PublishedInSecure[0], FirstKInSecure[1]), ("in_new_security_at_k@3", PublishedInSecure[1], FirstKInSecure[3]), ("in_new_security_at_k@5 (k=10)", PublishedInSecure[2], FirstKInSecure[10]),
        ];
    }

    private sealed record Sample(int Index, bool Compilable, bool Direct, bool Indirect);

    private static List<Row> Reproduce(string evaluation)
    {
        var published = Csv(Path.Combine(evaluation, "At_k_Results.csv"));
        var rows = new List<Row>();
        foreach (var p in published)
        {
            var samples = Csv(Path.Combine(evaluation, "Results", $"{p["model"]}_{p["dataset"]}.csv"))
                .GroupBy(r => r["id"], StringComparer.Ordinal)
                .Select(g => g.Select(r => new Sample(
                        int.Parse(r["index"], CultureInfo.InvariantCulture),
                        r["is_compilable"] == "True",
                        int.Parse(r["direct_vulnerable"], CultureInfo.InvariantCulture) > 0,
                        int.Parse(r["direct_vulnerable"], CultureInfo.InvariantCulture) + int.Parse(r["indirect_vulnerable"], CultureInfo.InvariantCulture) > 0))
                    .OrderBy(s => s.Index).ToList())
                .ToList();
            int[] ks = [1, 3, 5, 10];
            rows.Add(new Row(
                p["model"],
                p["dataset"],
                Columns(p, "vul_at_k"),
                Columns(p, "in_vul_at_k"),
                Columns(p, "new_security_at_k"),
                Columns(p, "in_new_security_at_k"),
                ks.ToDictionary(k => k, k => Mean(samples, s => AtKEstimator.AtLeastOne(s.Count, s.Count(x => x.Direct), k))),
                ks.ToDictionary(k => k, k => Mean(samples, s => AtKEstimator.AtLeastOne(s.Count, s.Count(x => x.Indirect), k))),
                ks.ToDictionary(k => k, k => Mean(samples, s => s.Take(k).All(x => !x.Direct) ? 1 : 0)),
                ks.ToDictionary(k => k, k => Mean(samples, s => s.Take(k).All(x => !x.Indirect) ? 1 : 0)),
                ks.ToDictionary(k => k, k => Mean(samples, s => AtKEstimator.All(s.Count, s.Count(x => !x.Direct), k))),
                ks.ToDictionary(k => k, k => Mean(samples, s => AtKEstimator.All(s.Count, s.Count(x => x.Compilable && !x.Direct), k)))));
        }

        return rows;
    }

    private static double[] Columns(Dictionary<string, string> row, string prefix) =>
        [.. PublishedKs.Select(k => double.Parse(row[$"{prefix}@{k}"], CultureInfo.InvariantCulture))];

    /// <summary>Mean over prompts, in percent like the published table.</summary>
    private static double Mean(List<List<Sample>> prompts, Func<List<Sample>, double?> perPrompt) =>
        100 * prompts.Average(p => perPrompt(p) ?? throw new InvalidOperationException("n < k"));

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }

    private static string Table(List<Row> rows)
    {
        var md = new StringBuilder();
        md.Append("| model | T | vul@1 pub / ours | vul@3 pub / ours | vul@5 pub / ours | in_vul@\"5\" pub / ours k=10 | secure@1 pub / first-k / ours | secure@3 pub / first-k / ours | secure@\"5\" pub / first-k k=10 / ours k=5 / ours k=10 | ours secure@1, unparsable not secure |\n")
            .Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows.OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Temperature, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Model} | {r.Temperature} ")
                .Append(CultureInfo.InvariantCulture, $"| {r.PublishedVul[0]:F2} / {r.OurVul[1]:F2} | {r.PublishedVul[1]:F2} / {r.OurVul[3]:F2} | {r.PublishedVul[2]:F2} / {r.OurVul[5]:F2} ")
                .Append(CultureInfo.InvariantCulture, $"| {r.PublishedInVul[2]:F2} / {r.OurInVul[10]:F2} ")
                .Append(CultureInfo.InvariantCulture, $"| {r.PublishedSecure[0]:F1} / {r.FirstKSecure[1]:F1} / {r.OurSecure[1]:F1} | {r.PublishedSecure[1]:F1} / {r.FirstKSecure[3]:F1} / {r.OurSecure[3]:F1} ")
                .Append(CultureInfo.InvariantCulture, $"| {r.PublishedSecure[2]:F1} / {r.FirstKSecure[10]:F1} / {r.OurSecure[5]:F1} / {r.OurSecure[10]:F1} | {r.OurSecureCompilable[1]:F1} |\n");
        }

        return md.ToString();
    }
}
