using System.Security.Cryptography;
using System.Text;
using SecureGen.Core.Benchmarks;

namespace SecureGen.Core.Retrieval;

/// <summary>A thread-safe, in-process secure code base; duplicate code (after trimming) is kept once.</summary>
public sealed class InMemorySecureCodeBase : ISecureCodeBase
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _codeHashes = new(StringComparer.Ordinal);
    private IReadOnlyList<SecureExample> _examples = [];

    public InMemorySecureCodeBase(IEnumerable<SecureExample>? seed = null)
    {
        foreach (var example in seed ?? [])
        {
            TryAdd(example);
        }
    }

    public int Count => _examples.Count;

    /// <summary>A base seeded with the secure reference of every task that has one.</summary>
    public static InMemorySecureCodeBase FromTasks(IEnumerable<BenchmarkTask> tasks) =>
        new(tasks.Where(t => !string.IsNullOrWhiteSpace(t.SecureReference)).Select(t =>
            new SecureExample($"ref:{t.Dataset}:{t.Id}", t.Id, t.Dataset, t.Cwe, t.Prompt, t.SecureReference!, SecureExample.ReferenceSource)));

    public Task<IReadOnlyList<SecureExample>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(_examples);

    public Task<bool> AddAsync(SecureExample example, CancellationToken cancellationToken) => Task.FromResult(TryAdd(example));

    private bool TryAdd(SecureExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(example.Code.Trim())));
        lock (_gate)
        {
            if (!_codeHashes.Add(hash))
            {
                return false;
            }

            // Copy on write: readers get a stable snapshot without taking the lock.
            _examples = [.. _examples, example];
            return true;
        }
    }
}
