namespace SecureGen.Core.Strategies;

/// <summary>The FDSP paper's baselines: what the model is told before it is asked to fix its code.</summary>
public enum FeedbackKind
{
    /// <summary>"Does this code have a security issue? If so, fix it." No analyzer involved.</summary>
    DirectPrompting,

    /// <summary>The model explains its code, then fixes it given its own explanation. No analyzer involved.</summary>
    SelfDebugging,

    /// <summary>The analyzer's raw report is passed on as it is.</summary>
    AnalyzerFeedback,

    /// <summary>The model first turns the analyzer's report into plain-language feedback, which is then passed on.</summary>
    VerbalizedFeedback,
}
