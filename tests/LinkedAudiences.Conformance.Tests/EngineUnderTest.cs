using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Testing.Generation;

namespace LinkedAudiences.Conformance.Tests;

/// <summary>One warehouse the differential test runs compiled SQL on, with where its stored memberships live.</summary>
public sealed class EngineUnderTest(string name, IWarehouse warehouse, TableSchema membershipTable) : IAsyncDisposable
{
    public string Name { get; } = name;

    public IWarehouse Warehouse { get; } = warehouse;

    public TableSchema MembershipTable { get; } = membershipTable;

    public AudienceEngineOptions Options => new() { MembershipSchema = MembershipTable.Schema!, MembershipTable = MembershipTable.Name };

    /// <summary>Replaces the stored memberships with the case's (membership-mode conditions read them).</summary>
    public Task StoreMembershipsAsync(GeneratedCase generated, CancellationToken cancellationToken) =>
        ((IBulkLoader)Warehouse).LoadAsync(MembershipTable, generated.MembershipRows(), cancellationToken);

    public ValueTask DisposeAsync() => Warehouse.DisposeAsync();
}
