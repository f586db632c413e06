using System.Globalization;
using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Preview;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Engine;

/// <summary>
/// The one path every host takes from a definition to members: validate → plan → compile → run in the warehouse.
/// Nothing reaches the warehouse before the validator has accepted the definition.
/// </summary>
public sealed class AudienceEngine(DataGraph graph, IAudienceCatalog catalog, AudienceEngineOptions? options = null)
{
    public AudienceEngineOptions Options { get; } = options ?? new();

    public DataGraph Graph { get; } = graph ?? throw new ArgumentNullException(nameof(graph));

    public IAudienceCatalog Catalog { get; } = catalog ?? throw new ArgumentNullException(nameof(catalog));

    public Task<ValidationResult> ValidateAsync(AudienceDefinition definition, string? audienceKey, CancellationToken cancellationToken) =>
        AudienceValidator.ValidateAsync(Graph, definition, Catalog, audienceKey, cancellationToken);

    /// <exception cref="AudienceValidationException">The definition is invalid.</exception>
    public async Task<CompiledAudience> CompileAsync(
        AudienceDefinition definition,
        SqlDialect dialect,
        DateTimeOffset asOf,
        CancellationToken cancellationToken,
        string? audienceKey = null)
    {
        var validation = await ValidateAsync(definition, audienceKey, cancellationToken);
        if (!validation.IsValid)
        {
            throw new AudienceValidationException(validation);
        }

        var imports = await AudienceReferences.CollectAsync(definition, Catalog, cancellationToken);
        var plan = QueryPlanner.Plan(Graph, definition, imports);
        return new SqlCompiler(dialect).Compile(plan, new CompileOptions
        {
            AsOf = asOf,
            MembershipSchema = Options.MembershipSchema,
            MembershipTable = Options.MembershipTable,
        });
    }

    public async IAsyncEnumerable<string> MembersAsync(
        IWarehouse warehouse,
        AudienceDefinition definition,
        DateTimeOffset asOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var compiled = await CompileAsync(definition, warehouse.Dialect, asOf, cancellationToken);
        await foreach (var row in warehouse.QueryAsync(compiled.Members, cancellationToken))
        {
            yield return KeyOf(row[0]);
        }
    }

    public async Task<AudiencePreview> PreviewAsync(
        IWarehouse warehouse,
        AudienceDefinition definition,
        DateTimeOffset asOf,
        int sampleSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var compiled = await CompileAsync(definition, warehouse.Dialect, asOf, cancellationToken);
        var previewer = new AudiencePreviewer(warehouse);
        return await previewer.PreviewAsync(compiled, definition, asOf, sampleSize, cancellationToken);
    }

    /// <summary>A key as the engine hands it on: the warehouse value as invariant text (BIGINT 42 → "42").</summary>
    public static string KeyOf(object? value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException("The warehouse returned a null member key.");
}
