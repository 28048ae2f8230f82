using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.UnitTests.Metrics;

public sealed class ClassificationScorerTests
{
    [Fact]
    public void Accuracy_and_per_cwe_precision_recall_and_f1_match_a_hand_worked_example()
    {
        // Six items: four vulnerable (CWE-78, 78, 89, 79), two secure.
        var items = new[]
        {
            Item(true, 78, true, 78),    // detection TP, CWE-78 TP
            Item(true, 78, true, 89),    // detection TP, CWE-78 FN, CWE-89 FP
            Item(true, 89, true, 89),    // detection TP, CWE-89 TP
            Item(true, 79, false, null), // detection FN, CWE-79 FN
            Item(false, null, true, 78), // detection FP, CWE-78 FP
            Item(false, null, null, null), // unreadable: wrong
        };

        var m = ClassificationScorer.Score("classify", items);

        Assert.Equal(6, m.Items);
        Assert.Equal(1, m.Unreadable);
        Assert.Equal(0.5, m.DetectionAccuracy);          // 3 of 6 right
        Assert.Equal(0.75, m.DetectionPrecision);        // 3 / (3 + 1)
        Assert.Equal(0.75, m.DetectionRecall);           // 3 / (3 + 1)
        Assert.Equal(0.75, m.DetectionF1);
        Assert.Equal(0.5, m.CweAccuracy);                // 2 of 4 vulnerable named right
        var cwe78 = m.PerCwe.Single(c => c.Cwe == 78);
        Assert.Equal((2, 1, 1, 1), (cwe78.Support, cwe78.TruePositives, cwe78.FalsePositives, cwe78.FalseNegatives));
        Assert.Equal((0.5, 0.5, 0.5), (cwe78.Precision, cwe78.Recall, cwe78.F1));
        var cwe89 = m.PerCwe.Single(c => c.Cwe == 89);
        Assert.Equal((0.5, 1.0), (cwe89.Precision, cwe89.Recall));
        Assert.Equal(0.666667, cwe89.F1);
        var cwe79 = m.PerCwe.Single(c => c.Cwe == 79);
        Assert.Equal((0.0, 0.0, 0.0), (cwe79.Precision, cwe79.Recall, cwe79.F1));
        Assert.Equal(Math.Round((0.5 + 0.666667 + 0) / 3, 6), m.MacroF1);
    }

    private static ClassificationOutcome Item(bool vulnerable, int? cwe, bool? predicted, int? predictedCwe) =>
        new("t", vulnerable ? "insecure" : "secure", vulnerable, cwe, predicted, predictedCwe, "answer");
}
