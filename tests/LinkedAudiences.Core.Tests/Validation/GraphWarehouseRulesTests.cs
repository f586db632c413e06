using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Core.Warehouses;
using static LinkedAudiences.Core.Tests.Validation.DemoWarehouse;

namespace LinkedAudiences.Core.Tests.Validation;

/// <summary>The data graph against the warehouse's introspection.</summary>
public sealed class GraphWarehouseRulesTests
{
    [Fact]
    public void Validate_DemoGraphAgainstDemoWarehouse_IsValid()
    {
        ValidationAssert.Valid(DataGraphValidator.Validate(DemoGraph.Graph, Tables));
    }

    [Fact]
    public void Validate_MissingEntityTable_ReportsUnknownTable()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, Without("subscriptions"));

        ValidationAssert.Single(result, "$.entities[4].table", "unknown-table", "Table 'subscriptions' of entity 'subscription' does not exist in the warehouse.");
    }

    [Fact]
    public void Validate_MissingJunctionTable_ReportsUnknownTable()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, Without("household_members"));

        ValidationAssert.Single(result, "$.relationships[1].junction.table", "unknown-table",
            "Table 'household_members' of the junction of relationship 'profile_households' does not exist in the warehouse.");
    }

    [Fact]
    public void Validate_MissingEntityColumn_ReportsUnknownColumn()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("pets", "adopted_on", null));

        ValidationAssert.Single(result, "$.entities[2].columns[5].name", "unknown-column",
            "Column 'adopted_on' (declared by entity 'pet') does not exist in table 'main.pets'.");
    }

    [Fact]
    public void Validate_MissingPrimaryKey_ReportsUnknownColumn()
    {
        var tables = With(Table("wishlist_items", Str("profile_id"), Str("product"), Dec("price"), Col("added_at", "TIMESTAMP", DataType.Timestamp)));

        var result = DataGraphValidator.Validate(DemoGraph.Graph, tables);

        Assert.Equal(
            [
                new ValidationError("$.entities[8].primaryKey", "unknown-column",
                    "Column 'item_id' (the primary key of entity 'wishlist_item') does not exist in table 'main.wishlist_items'."),
                new ValidationError("$.entities[8].columns[0].name", "unknown-column",
                    "Column 'item_id' (declared by entity 'wishlist_item') does not exist in table 'main.wishlist_items'."),
            ],
            result.Errors);
    }

    [Fact]
    public void Validate_ColumnOfAnotherType_ReportsColumnTypeMismatch()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("credit_cards", "balance", Str("balance")));

        ValidationAssert.Single(result, "$.entities[3].columns[3].name", "column-type-mismatch",
            "Column 'balance' of table 'main.credit_cards' (declared by entity 'credit_card') must be NUMBER, but the warehouse reports VARCHAR (STRING).");
    }

    [Fact]
    public void Validate_TraitColumnWithoutGraphType_ReportsColumnTypeMismatch()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("profiles", "is_vip", new WarehouseColumn("is_vip", "BLOB", null)));

        ValidationAssert.Single(result, "$.profile.traits[8].column", "column-type-mismatch",
            "Column 'is_vip' of table 'main.profiles' (trait 'is_vip') must be BOOLEAN, but the warehouse reports BLOB (no data graph type).");
    }

    [Fact]
    public void Validate_TraitsColumnNotJson_ReportsColumnTypeMismatch()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("profiles", "traits", Str("traits")));

        ValidationAssert.Single(result, "$.profile.traitsColumn", "column-type-mismatch",
            "Column 'traits' of table 'main.profiles' (the traits column) must be a JSON column, but the warehouse reports VARCHAR (STRING).");
    }

    [Fact]
    public void Validate_EventTimestampAsDate_ReportsColumnTypeMismatch()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("events", "occurred_at", Col("occurred_at", "DATE", DataType.Date)));

        ValidationAssert.Single(result, "$.events.timestampColumn", "column-type-mismatch",
            "Column 'occurred_at' of table 'main.events' (the event timestamp column) must be TIMESTAMP, but the warehouse reports DATE (DATE).");
    }

    [Fact]
    public void Validate_JoinColumnsOfDifferentTypes_ReportsColumnTypeMismatch()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("accounts", "profile_id", Big("profile_id")));

        Assert.Equal(
            [
                new ValidationError("$.entities[0].columns[1].name", "column-type-mismatch",
                    "Column 'profile_id' of table 'main.accounts' (declared by entity 'account') must be STRING, but the warehouse reports BIGINT (NUMBER)."),
                new ValidationError("$.relationships[0].join.toColumn", "column-type-mismatch",
                    "The columns relationship 'profile_accounts' joins on have different types: 'profiles.profile_id' is VARCHAR (STRING) and 'accounts.profile_id' is BIGINT (NUMBER)."),
            ],
            result.Errors);
    }

    [Fact]
    public void Validate_JoinColumnMissing_ReportsUnknownColumn()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, WithColumn("transactions", "card_id", null));

        Assert.Equal(
            [
                new ValidationError("$.entities[5].columns[1].name", "unknown-column",
                    "Column 'card_id' (declared by entity 'transaction') does not exist in table 'main.transactions'."),
                new ValidationError("$.relationships[6].join.toColumn", "unknown-column",
                    "Column 'card_id' (the join column of relationship 'credit_card_transactions') does not exist in table 'main.transactions'."),
            ],
            result.Errors);
    }

    [Fact]
    public void Validate_JunctionColumnOfAnotherType_ReportsColumnTypeMismatch()
    {
        var result = DataGraphValidator.Validate(DemoGraph.Graph, With(Table("household_members", Str("household_id"), Str("profile_id"))));

        ValidationAssert.Single(result, "$.relationships[1].junction.toColumn", "column-type-mismatch",
            "The columns relationship 'profile_households' joins on have different types: 'household_members.household_id' is VARCHAR (STRING) and 'households.household_id' is BIGINT (NUMBER).");
    }

    [Fact]
    public void Validate_TableInSeveralSchemasAndNoSchemaNamed_ReportsAmbiguousTable()
    {
        IReadOnlyList<WarehouseTable> tables = [.. Tables.Select(t => t.Name == "orders" ? t with { Schema = "sales" } : t), Tables.Single(t => t.Name == "orders") with { Schema = "archive" }];

        var result = DataGraphValidator.Validate(DemoGraph.Graph, tables);

        ValidationAssert.Single(result, "$.entities[6].table", "ambiguous-table",
            "Table 'orders' of entity 'order' exists in several schemas of the warehouse; name its schema ('schema').");
    }

    [Fact]
    public void Validate_TableInNamedSchema_IsFoundThere()
    {
        var graph = DemoGraph.Graph with { Entities = [.. DemoGraph.Graph.Entities.Select(e => e.Name == "order" ? e with { Schema = "archive" } : e)] };
        IReadOnlyList<WarehouseTable> tables = [.. Tables, Tables.Single(t => t.Name == "orders") with { Schema = "archive" }];

        ValidationAssert.Valid(DataGraphValidator.Validate(graph, tables));
        ValidationAssert.Single(DataGraphValidator.Validate(graph, Tables), "$.entities[6].table", "unknown-table",
            "Table 'archive.orders' of entity 'order' does not exist in the warehouse.");
    }
}
