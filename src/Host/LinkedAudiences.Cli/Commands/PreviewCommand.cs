using System.CommandLine;
using System.Globalization;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Preview;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Cli.Commands;

/// <summary>preview: the count, a sample of members and their matched entities (ten per level, six levels), entity counts.</summary>
internal static class PreviewCommand
{
    public static Command Create(TimeProvider time)
    {
        var graph = CommonOptions.Graph();
        var audience = CommonOptions.Audience();
        var audiences = CommonOptions.Audiences();
        var warehouse = CommonOptions.Warehouse();
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var sample = new Option<int>("--sample")
        {
            Description = "How many members to list (default 20, at most 500).",
            DefaultValueFactory = _ => 20,
        };
        sample.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 500)
            {
                r.AddError("--sample: must be between 0 and 500.");
            }
        });

        var command = new Command("preview", "Count the audience and show a sample of members with their matched entities.")
        {
            graph, audience, audiences, warehouse, asOf, sample, json,
        };

        command.SetAsyncAction(async (parse, output, ct) =>
        {
            var audienceFile = parse.GetValue(audience)!;
            var engine = new AudienceEngine(
                await Inputs.ReadGraphAsync(parse.GetValue(graph)!, ct),
                Inputs.Catalog(audienceFile, parse.GetValue(audiences)));
            var definition = await Inputs.ReadAudienceAsync(audienceFile, ct);
            var when = CommandRunner.ParseAsOf(parse.GetValue(asOf), time);

            await using var connection = await Warehouses.OpenAsync(parse.GetValue(warehouse)!, ct);
            AudiencePreview preview;
            try
            {
                preview = await engine.PreviewAsync(connection, definition, when, parse.GetValue(sample), ct);
            }
            catch (AudienceValidationException e)
            {
                throw Inputs.Invalid(audienceFile, e.Result);
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(LinkedAudiencesJson.Serialize(preview));
            }
            else
            {
                await WriteTextAsync(output, audienceFile.Name, preview);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, string name, AudiencePreview preview)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"{name} as of {preview.AsOf:O}"));
        await output.WriteLineAsync(preview.IsEntityTarget
            ? string.Create(inv, $"Entities ({preview.TargetEntity}): {preview.Count}")
            : string.Create(inv, $"Profiles: {preview.Count}"));
        foreach (var (entity, count) in preview.EntityCounts)
        {
            await output.WriteLineAsync(string.Create(inv, $"  matched {entity}: {count}"));
        }

        await output.WriteLineAsync(string.Create(inv, $"Sample ({preview.Sample.Count}):"));
        foreach (var member in preview.Sample)
        {
            await output.WriteLineAsync("  " + member.Key);
            await WriteNodesAsync(output, member.Entities, member.MoreEntities, "    ");
        }
    }

    private static async Task WriteNodesAsync(TextWriter output, IReadOnlyList<MatchedEntityNode> nodes, int more, string indent)
    {
        foreach (var node in nodes)
        {
            await output.WriteLineAsync($"{indent}{node.Entity} {node.Key}");
            await WriteNodesAsync(output, node.Children, node.MoreChildren, indent + "  ");
        }

        if (more > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{indent}… {more} more"));
        }
    }
}
