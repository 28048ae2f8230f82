namespace SecureGen.Core.Generation;

/// <summary>
/// Turns an endpoint reference carried by a request (e.g. "tenant:acme") into the chat model that calls that endpoint,
/// where the call is made: URLs and keys stay out of grain state, session inputs and results.
/// </summary>
public interface IChatEndpointResolver
{
    /// <exception cref="LlmEndpointException">The reference names nothing this process can call (an unknown tenant, a key it cannot decrypt): the call fails, it never goes elsewhere.</exception>
    Task<IChatModel> ResolveAsync(string endpoint, CancellationToken cancellationToken);
}
