using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Cli;

/// <summary>Reads the graph and definition files; any problem becomes a CliException naming the file and the path inside it.</summary>
internal static class Inputs
{
    public static async Task<DataGraph> ReadGraphAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var read = GraphReader.Read(await ReadTextAsync(file, "--graph", cancellationToken));
        return read.IsValid ? read.Value : throw Invalid(file, read.Validation);
    }

    public static async Task<AudienceDefinition> ReadAudienceAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var read = DefinitionReader.Read(await ReadTextAsync(file, "--audience", cancellationToken));
        return read.IsValid ? read.Value : throw Invalid(file, read.Validation);
    }

    public static IAudienceCatalog Catalog(FileInfo audienceFile, DirectoryInfo? folder) =>
        new FileAudienceCatalog(folder ?? audienceFile.Directory ?? new DirectoryInfo("."));

    /// <summary>The audience's key: its file name without ".json" (so a reference back to it is a cycle).</summary>
    public static string KeyOf(FileInfo audienceFile) => Path.GetFileNameWithoutExtension(audienceFile.Name);

    public static CliException Invalid(FileInfo file, ValidationResult result) =>
        new(ExitCodes.Invalid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{file.Name}: {e.Path}: {e.Message} [{e.Rule}]")));

    private static async Task<string> ReadTextAsync(FileInfo file, string option, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException(ExitCodes.Usage, $"{option}: the file '{file.FullName}' does not exist.");
        }

        return await File.ReadAllTextAsync(file.FullName, cancellationToken);
    }
}
