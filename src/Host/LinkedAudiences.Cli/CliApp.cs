using System.CommandLine;
using LinkedAudiences.Cli.Commands;

namespace LinkedAudiences.Cli;

/// <summary>The command line: one verb per file under Commands/, all over the same engine services as the Orchard module.</summary>
public static class CliApp
{
    public static RootCommand Build(TimeProvider time)
    {
        var root = new RootCommand("Linked Audiences: audiences over a warehouse data graph, compiled to SQL that runs in the warehouse.");
        root.Subcommands.Add(DemoWarehouseCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(CompileCommand.Create(time));
        root.Subcommands.Add(PreviewCommand.Create(time));
        root.Subcommands.Add(MembersCommand.Create(time));
        root.Subcommands.Add(SuggestCommand.Create());
        root.Subcommands.Add(RunCommand.Create(time));
        root.Subcommands.Add(RunsCommand.Create(time));
        root.Subcommands.Add(EventsCommand.Create(time));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        var parse = Build(time ?? TimeProvider.System).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would answer a bad command line with exit 1 (which means "invalid definition" here) and
            // print the help on stdout, where verbs like members write only data.
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("See --help for the options.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
