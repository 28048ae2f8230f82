using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecureGen.Simulator;

/// <summary>Reads <see cref="SimulatorOptions"/> from a YAML or JSON file with snake_case keys; unknown keys are errors.</summary>
public static class SimulatorConfigurationLoader
{
    /// <exception cref="InvalidOperationException">The file is unreadable or wrong; the message names the file and the problem.</exception>
    public static SimulatorOptions Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot read simulator configuration '{path}': {e.Message}", e);
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        SimulatorOptions options;
        try
        {
            options = deserializer.Deserialize<SimulatorOptions?>(text) ?? new SimulatorOptions();
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            throw new InvalidOperationException($"simulator configuration '{path}' line {e.Start.Line}: {reason}", e);
        }

        return options.Validate() is { } problem ? throw new InvalidOperationException($"simulator configuration '{path}': {problem}") : options;
    }
}
