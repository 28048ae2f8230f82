using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace SecureGen.IntegrationTests.Deployment;

/// <summary>The k8s/ YAML documents, loaded as plain dictionaries, with small helpers to walk them.</summary>
public sealed class KubernetesManifests
{
    private KubernetesManifests(string root, List<(string File, Dictionary<object, object> Doc)> documents)
    {
        Root = root;
        Documents = documents;
    }

    public string Root { get; }

    public IReadOnlyList<(string File, Dictionary<object, object> Doc)> Documents { get; }

    public static KubernetesManifests Load(string k8sRoot)
    {
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<(string, Dictionary<object, object>)>();
        foreach (var file in Directory.GetFiles(k8sRoot, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var parser = new Parser(new StringReader(File.ReadAllText(file)));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (deserializer.Deserialize<object>(parser) is Dictionary<object, object> doc)
                {
                    documents.Add((Path.GetRelativePath(k8sRoot, file), doc));
                }
            }
        }

        return new KubernetesManifests(k8sRoot, documents);
    }

    public IEnumerable<(string File, Dictionary<object, object> Doc)> OfKind(string kind) =>
        Documents.Where(d => Str(d.Doc, "kind") == kind);

    public Dictionary<object, object> Named(string kind, string name) =>
        OfKind(kind).Where(d => !d.File.Contains("overlays", StringComparison.Ordinal)).Single(d => Str(d.Doc, "metadata", "name") == name).Doc;

    public static object? At(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not Dictionary<object, object> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Str(object? node, params string[] path) => At(node, path)?.ToString();

    public static Dictionary<object, object> Map(object? node, params string[] path) => At(node, path) as Dictionary<object, object> ?? [];

    public static List<object> List(object? node, params string[] path) => At(node, path) as List<object> ?? [];

    public static Dictionary<string, string> Labels(object? node, params string[] path) =>
        Map(node, path).ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value?.ToString() ?? string.Empty);
}
