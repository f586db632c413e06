using LinkedAudiences.Core.State;
using LinkedAudiences.Storage;

namespace LinkedAudiences.Cli;

/// <summary>Opens the app state store named by --state.</summary>
internal static class States
{
    public static async Task<StateStore> OpenAsync(string location, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!StateStoreLocation.TryParse(location, out var parsed))
        {
            throw new CliException(ExitCodes.Usage, $"--state: '{location}' is not sqlite:PATH or postgres:CONNECTION-STRING.");
        }

        return await StateStore.OpenAsync(parsed, time, cancellationToken);
    }
}
