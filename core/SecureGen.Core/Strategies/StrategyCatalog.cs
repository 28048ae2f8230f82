namespace SecureGen.Core.Strategies;

/// <summary>
/// Strategies by name, as given on the command line and in session messages. Names joined with
/// '+' compose: every part but the last must be a prompt strategy, and wraps the prompt the last
/// one starts from ("seccoder+securecoder": SecCoder's retrieved demonstration, then SecureCoder's
/// sampling, ranking and refinement). No composite needs code of its own.
/// </summary>
public sealed class StrategyCatalog
{
    public const string All = "all";

    private readonly Dictionary<string, StrategyDefinition> _definitions;

    public StrategyCatalog(IEnumerable<StrategyDefinition> definitions, IEnumerable<string>? showcaseComposites = null)
    {
        _definitions = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        Composites = [.. showcaseComposites ?? []];
    }

    public static StrategyCatalog Default { get; } = new(
    [
        new("baseline", "One completion from the task prompt.", [], (n, p) => new SingleSampleStrategy(n, p), p => p),
        new(SecurityInstructionPrompt.Scope, "The task prompt plus a security instruction.", SecurityInstructionPrompt.Parameters,
            (n, p) => new SingleSampleStrategy(n, new SecurityInstructionPrompt(p)), p => new SecurityInstructionPrompt(p)),
        new(CweHintPrompt.Scope, "The task prompt plus its likely CWE (SecuCoGen).", CweHintPrompt.Parameters,
            (n, p) => new SingleSampleStrategy(n, new CweHintPrompt(p)), p => new CweHintPrompt(p)),
        new(OneShotPrompt.Scope, "Another task's prompt and secure solution first (SecuCoGen).", OneShotPrompt.Parameters,
            (n, p) => new SingleSampleStrategy(n, new OneShotPrompt(p)), p => new OneShotPrompt(p)),
        new(RetrievedDemonstrationPrompt.Scope, "The most similar secure demonstration first (SecCoder).", RetrievedDemonstrationPrompt.Parameters,
            (n, p) => new SingleSampleStrategy(n, new RetrievedDemonstrationPrompt(p)), p => new RetrievedDemonstrationPrompt(p)),
        new(FrancStrategy.Scope, "Sample N, rank by static analysis, return the best (FRANC-like).", FrancStrategy.Parameters,
            (n, p) => new FrancStrategy(n, p)),
        new(SecureCoderStrategy.Scope, "Sample N, rank by detectors then scorer, refine vulnerable ones with findings, re-rank (SecureCoder).",
            SecureCoderStrategy.Parameters, (n, p) => new SecureCoderStrategy(n, p)),
        new("securecoder-norefine", "SecureCoder without refinement (ablation).", [SecureCoderStrategy.Samples],
            (n, p) => new SecureCoderStrategy(n, p, refine: false)),
        new("securecoder-noscorer", "SecureCoder without the neural scorer (ablation).", SecureCoderStrategy.Parameters,
            (n, p) => new SecureCoderStrategy(n, p, useScorer: false)),
        new(FdspStrategy.Scope, "Explain the analyzer report, J fix strategies, up to K refinements each (FDSP).", FdspStrategy.Parameters,
            (n, p) => new FdspStrategy(n, p)),
        Feedback(FeedbackKind.DirectPrompting, "Ask whether the code has a security issue and to fix it (FDSP baseline)."),
        Feedback(FeedbackKind.SelfDebugging, "The model explains its code, then fixes it (FDSP baseline)."),
        Feedback(FeedbackKind.AnalyzerFeedback, "The raw analyzer report as feedback (FDSP baseline)."),
        Feedback(FeedbackKind.VerbalizedFeedback, "The analyzer report verbalized by the model as feedback (FDSP baseline)."),
        new(RepairStrategy.PlainName, "Fix the dataset's insecure reference (SecuCoGen).", RepairStrategy.ParametersOf(RepairStrategy.PlainName, false),
            (_, _) => new RepairStrategy(RepairStrategy.PlainName, false), AcceptsPrompt: false),
        new(RepairStrategy.ExplainedName, "Fix the insecure reference, told which weakness it has (SecuCoGen).", RepairStrategy.ParametersOf(RepairStrategy.ExplainedName, true),
            (_, _) => new RepairStrategy(RepairStrategy.ExplainedName, true), AcceptsPrompt: false),
        new(ClassifyStrategy.StrategyName, "Is this code vulnerable, and which CWE (SecuCoGen)? Scored by accuracy and per-CWE F1.", ClassifyStrategy.Parameters,
            (n, _) => new ClassifyStrategy(n), AcceptsPrompt: false),
    ],
    ["seccoder+securecoder"]);

    /// <summary>The single strategies, sorted.</summary>
    public IEnumerable<string> Names => _definitions.Keys.Order(StringComparer.Ordinal);

    /// <summary>Composites that "all" runs beside the single strategies.</summary>
    public IReadOnlyList<string> Composites { get; }

    public IEnumerable<StrategyDefinition> Definitions => _definitions.Values.OrderBy(d => d.Name, StringComparer.Ordinal);

    /// <summary>Expands "all" to every single strategy and the showcase composites; other names pass through.</summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var list = new List<string>();
        foreach (var name in requested)
        {
            if (string.Equals(name, All, StringComparison.OrdinalIgnoreCase))
            {
                list.AddRange(Names);
                list.AddRange(Composites);
            }
            else
            {
                list.Add(name);
            }
        }

        return list.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public bool Contains(string name) => Problem(name) is null;

    /// <summary>Null when the name (single or composite) can be built, else a one-line reason.</summary>
    public string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('+', StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (!_definitions.ContainsKey(part))
            {
                return new UnknownStrategyException(part, Names).Message;
            }
        }

        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (_definitions[parts[i]].Decorate is null)
            {
                return $"cannot compose '{name}': '{parts[i]}' is not a prompt strategy (only baseline, prompted, cwe-aware, one-shot and seccoder can come before '+')";
            }
        }

        if (parts.Length > 1 && !_definitions[parts[^1]].AcceptsPrompt)
        {
            return $"cannot compose '{name}': '{parts[^1]}' does not start from the task prompt";
        }

        return null;
    }

    /// <summary>The parameters a (possibly composite) strategy reads.</summary>
    public IReadOnlyList<ParameterSpec> ParametersOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Split('+', StringSplitOptions.TrimEntries)
            .Where(_definitions.ContainsKey)
            .SelectMany(p => _definitions[p].Parameters)
            .DistinctBy(p => p.Key)
            .ToList();
    }

    public IGenerationStrategy Create(string name)
    {
        if (Problem(name) is { } problem)
        {
            throw new UnknownStrategyException(problem);
        }

        var parts = name.Split('+', StringSplitOptions.TrimEntries);
        IPromptSource prompt = TaskPrompt.Instance;
        foreach (var part in parts[..^1])
        {
            prompt = _definitions[part].Decorate!(prompt);
        }

        return _definitions[parts[^1]].Create(name, prompt);
    }

    private static StrategyDefinition Feedback(FeedbackKind kind, string description) =>
        new(FeedbackBaselineStrategy.ScopeOf(kind), description, FeedbackBaselineStrategy.ParametersOf(kind), (n, p) => new FeedbackBaselineStrategy(n, p, kind));
}
