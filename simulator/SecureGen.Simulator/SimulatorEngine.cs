using System.Security.Cryptography;
using System.Text;
using SecureGen.Core.Generation;

namespace SecureGen.Simulator;

/// <summary>Decides each simulated completion: which task, secure or insecure, and how it is worded. Deterministic for a given seed.</summary>
internal sealed class SimulatorEngine(CompletionBook book, SimulatorOptions options)
{
    public SimulatedChoice Complete(IReadOnlyList<ChatTurn> messages, long? seed, int choiceIndex)
    {
        var conversation = string.Join("\n", messages.Select(m => m.Content));
        var rng = seed is null ? new Random() : new Random(StableSeed(conversation, seed.Value, choiceIndex));
        var task = book.Recognise(conversation);
        if (task is null)
        {
            return new SimulatedChoice(ReplyComposer.Unrecognised(), null, null);
        }

        var rate = options.InsecureRate;
        if (ChatSignals.AsksForSecurity(conversation))
        {
            rate *= options.SecurityInstructionFactor;
        }

        if (ChatSignals.CarriesAnalyzerFindings(conversation))
        {
            rate *= options.AnalyzerFeedbackFactor;
        }

        var insecure = rng.NextDouble() < rate;
        var code = insecure ? task.InsecureReference! : task.SecureReference!;
        return new SimulatedChoice(ReplyComposer.Compose(code, task.EntryPoint!, rng), task.Id, insecure ? "insecure" : "secure");
    }

    public static int EstimateTokens(string text) => Math.Max(1, (text.Length + 3) / 4);

    private static int StableSeed(string conversation, long seed, int choiceIndex)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001f{choiceIndex}\u001f{conversation}"));
        return BitConverter.ToInt32(bytes, 0);
    }
}
