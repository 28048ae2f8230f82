namespace SecureGen.Core.Retrieval;

/// <summary>
/// The secure code base SecCoder retrieves demonstrations from. It starts from the datasets'
/// secure references and grows with every vulnerability a strategy fixes. In-process for the
/// embedded mode; a database-backed one can take its place in a cluster.
/// </summary>
public interface ISecureCodeBase
{
    Task<IReadOnlyList<SecureExample>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds an example; returns false when the same code is already in the base.</summary>
    Task<bool> AddAsync(SecureExample example, CancellationToken cancellationToken);
}
