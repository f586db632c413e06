using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Cli;

internal static class EngineExtensions
{
    /// <summary>Compiles, turning validation failures into the CLI's message-per-line form.</summary>
    public static async Task<CompiledAudience> CompileOrExplainAsync(
        this AudienceEngine engine, FileInfo audienceFile, AudienceDefinition definition, SqlDialect dialect, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.CompileAsync(definition, dialect, asOf, cancellationToken, Inputs.KeyOf(audienceFile));
        }
        catch (AudienceValidationException e)
        {
            throw Inputs.Invalid(audienceFile, e.Result);
        }
    }
}
