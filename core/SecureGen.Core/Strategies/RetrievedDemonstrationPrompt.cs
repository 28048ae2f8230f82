using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecCoder: the most similar secure demonstration(s) from the secure code base go in front of the
/// prompt. Retrievers: dense (embeddings, cosine; the paper's), bm25 and random (its ablations).
/// </summary>
public sealed class RetrievedDemonstrationPrompt(IPromptSource inner) : IPromptSource
{
    public const string Scope = "seccoder";

    public static readonly ParameterSpec Retriever = new(Scope, "retriever", ParameterKind.Choice, "dense",
        "How demonstrations are found: dense, bm25 or random.", SecureExampleRetrieval.RetrieverNames);

    public static readonly ParameterSpec Count = new(Scope, "k", ParameterKind.WholeNumber, "1", "Demonstrations put before the prompt.", Minimum: 1);

    public static readonly ParameterSpec MatchOn = new(Scope, "match", ParameterKind.Choice, "code",
        "What of each example the prompt is compared with: code, prompt or both.", ["code", "prompt", "both"]);

    public static readonly ParameterSpec Template = new(Scope, "template", ParameterKind.Text,
        "Here is secure code for a similar task:\n\n{demonstrations}\n\n{prompt}",
        "SecCoder message; {demonstrations} (fenced code, best first) and {prompt} are filled in.");

    public static IReadOnlyList<ParameterSpec> Parameters { get; } = [Retriever, Count, MatchOn, Template];

    public async Task<IReadOnlyList<ChatTurn>> BuildAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = await inner.BuildAsync(context, cancellationToken);
        var template = context.Parameters.Text(Template);
        var query = new RetrievalQuery(context.Input.Task.Prompt, context.Parameters.Choice(Retriever), context.Parameters.Number(Count), context.Input.Seed,
            context.Parameters.Choice(MatchOn));
        var found = await context.RetrieveExamplesAsync(query, cancellationToken);
        if (found.Count == 0)
        {
            context.Record("seccoder: the secure code base has no example from another task; the prompt is unchanged");
            return messages;
        }

        context.Record($"seccoder: {query.Retriever} retrieved {string.Join(", ", found.Select(f => $"{f.Example.Id} (similarity {f.Similarity:0.###})"))}");
        var demonstrations = string.Join("\n\n", found.Select(f => PromptTemplates.Fenced(f.Example.Code)));
        return PromptEdits.WithLastUser(messages, prompt => PromptTemplates.Render(template, new Dictionary<string, string?>
        {
            ["demonstrations"] = demonstrations,
            ["prompt"] = prompt,
        }));
    }
}
