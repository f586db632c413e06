using System.Data.Common;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage;

namespace LinkedAudiences.Cli;

/// <summary>Opens the app state store named by --state.</summary>
internal static class States
{
    /// <param name="mustExist">
    /// For verbs that only read (runs, events): a SQLite file that is not there is a mistyped path, not a store to create.
    /// </param>
    public static async Task<StateStore> OpenAsync(string location, TimeProvider time, CancellationToken cancellationToken, bool mustExist = false)
    {
        if (!StateStoreLocation.TryParse(location, out var parsed))
        {
            throw new CliException(ExitCodes.Usage, $"--state: '{location}' is not sqlite:PATH or postgres:CONNECTION-STRING.");
        }

        if (mustExist && parsed.Kind == StateStoreLocation.Sqlite && !File.Exists(parsed.Value))
        {
            throw new CliException(ExitCodes.Usage, $"--state: there is no state store at '{parsed.Value}' (run creates it).");
        }

        try
        {
            return await StateStore.OpenAsync(parsed, time, cancellationToken);
        }
        catch (DbException e)
        {
            // Said here, or the verb's generic handler would blame the warehouse.
            throw new CliException(ExitCodes.Usage, $"--state: the state store {parsed} could not be opened: {e.Message}");
        }
    }
}
