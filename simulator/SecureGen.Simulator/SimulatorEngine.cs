using System.Security.Cryptography;
using System.Text;
using SecureGen.Core.Generation;

namespace SecureGen.Simulator;

/// <summary>
/// Decides each simulated completion: which task, secure or insecure (by <see cref="InsecurityModel"/>),
/// and how it is worded. Completion i of a request with a seed is a function of (conversation, seed, i):
/// the same request gives the same answers. Completion faults come from the simulator's own random source.
/// </summary>
internal sealed class SimulatorEngine(CompletionBook book, SimulatorOptions options, FaultInjector faults)
{
    public SimulatedChoice Complete(IReadOnlyList<ChatTurn> messages, long? seed, int choiceIndex)
    {
        var conversation = string.Join("\n", messages.Select(m => m.Content));
        var rng = seed is null ? new Random() : new Random(StableSeed(conversation, seed.Value, choiceIndex));
        var entry = book.Recognise(conversation);
        SimulatedChoice choice;
        if (entry is null)
        {
            choice = new SimulatedChoice(ReplyComposer.Unrecognised(), null, null, null, [], null);
        }
        else
        {
            var signals = ChatSignals.Read(messages, entry, book);
            var probability = InsecurityModel.Probability(options, signals);
            var insecure = rng.NextDouble() < probability;
            var code = insecure ? entry.Task.InsecureReference! : entry.Task.SecureReference!;
            choice = new SimulatedChoice(ReplyComposer.Compose(code, entry.Task.EntryPoint!, rng), entry.Task.Id, insecure ? "insecure" : "secure",
                Math.Round(probability, 6), [.. signals.Names()], null);
        }

        return faults.NextChoice() switch
        {
            ChoiceFault.Truncated => choice with { Content = BrokenReplies.Truncate(choice.Content, rng), Fault = "truncated", FinishReason = "length" },
            ChoiceFault.Garbage => choice with { Content = BrokenReplies.Garbage(rng), Fault = "garbage", Label = null },
            _ => choice,
        };
    }

    public static int EstimateTokens(string text) => Math.Max(1, (text.Length + 3) / 4);

    private static int StableSeed(string conversation, long seed, int choiceIndex)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001f{choiceIndex}\u001f{conversation}"));
        return BitConverter.ToInt32(bytes, 0);
    }
}
