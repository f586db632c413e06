namespace LinkedAudiences.Cli;

/// <summary>A problem with the user's input, reported as one message on stderr and an exit code — never a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
