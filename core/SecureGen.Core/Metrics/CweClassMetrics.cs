namespace SecureGen.Core.Metrics;

/// <summary>Precision, recall and F1 of one CWE as a predicted class. Support is the number of items truly of this CWE.</summary>
public sealed record CweClassMetrics(int Cwe, int Support, int TruePositives, int FalsePositives, int FalseNegatives, double Precision, double Recall, double F1);
