using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Cli;

/// <summary>The CLI's audience catalogue: a folder of definitions, one file per audience, the key being the file name without ".json".</summary>
internal sealed class FileAudienceCatalog(DirectoryInfo folder) : IAudienceCatalog
{
    public async Task<AudienceDefinition?> FindAsync(string audienceKey, CancellationToken cancellationToken)
    {
        // Keys come from definitions, which are user input: never let one walk out of the folder.
        if (audienceKey.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || audienceKey.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var file = new FileInfo(Path.Combine(folder.FullName, audienceKey + ".json"));
        if (!file.Exists)
        {
            return null;
        }

        try
        {
            return LinkedAudiencesJson.ParseAudience(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Invalid, $"{file.Name}: the referenced audience '{audienceKey}' is not valid JSON: {e.Message}");
        }
    }
}
