namespace SecureGen.Core.Generation;

/// <summary>One message of a chat conversation. Role is "system", "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Content)
{
    public static ChatTurn System(string content) => new("system", content);

    public static ChatTurn User(string content) => new("user", content);

    public static ChatTurn Assistant(string content) => new("assistant", content);
}
