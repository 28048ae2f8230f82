namespace SecureGen.Core.Scoring;

/// <summary>
/// The 'current' file in the models folder: one line naming the model version silos should use.
/// Silos that follow it switch to a new version without a restart when it changes.
/// </summary>
public static class ModelPointer
{
    public const string FileName = "current";

    public static string? Read(string modelsDirectory)
    {
        var path = Path.Combine(modelsDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var version = File.ReadAllText(path).Trim();
        return version.Length == 0 ? null : version;
    }

    /// <summary>Points 'current' at <paramref name="version"/> atomically (write then rename), after checking the folder exists.</summary>
    public static void Write(string modelsDirectory, string version)
    {
        ValidateVersionName(version);
        var folder = Path.Combine(modelsDirectory, version);
        if (!File.Exists(Path.Combine(folder, ModelManifest.OnnxFile)))
        {
            throw new DirectoryNotFoundException($"model version '{version}' has no {ModelManifest.OnnxFile} in '{folder}'");
        }

        var path = Path.Combine(modelsDirectory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, version + "\n");
        File.Move(temp, path, overwrite: true);
    }

    public static void ValidateVersionName(string version)
    {
        if (string.IsNullOrWhiteSpace(version) || version.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || version.StartsWith('.'))
        {
            throw new ArgumentException($"'{version}' is not a model version name (letters, digits, '-', '_', '.')", nameof(version));
        }
    }
}
