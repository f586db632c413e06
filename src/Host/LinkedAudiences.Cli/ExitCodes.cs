namespace LinkedAudiences.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The graph or the definition is invalid; the messages are on stderr.</summary>
    public const int Invalid = 1;

    /// <summary>Bad command line or unreadable input file.</summary>
    public const int Usage = 2;

    /// <summary>The warehouse refused or failed the query.</summary>
    public const int Warehouse = 3;
}
