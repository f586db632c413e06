using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Validation;

/// <summary>The data graph against the warehouse's introspection: tables, columns, types, JSON columns, join keys.</summary>
internal static class GraphWarehouseRules
{
    public static void Check(DataGraph graph, IReadOnlyList<WarehouseTable> tables, ValidationErrorList errors)
    {
        var context = new Context(new WarehouseCatalog(tables), errors);
        var root = JsonPaths.Root;

        var profileTable = graph.Profile is { } profile ? CheckProfile(profile, root.Prop("profile"), context) : null;
        var profileId = profileTable is null ? null : profileTable.FindColumn(graph.Profile!.IdColumn ?? string.Empty);

        if (graph.Events is { } events)
        {
            CheckEvents(events, profileId, root.Prop("events"), context);
        }

        var entityTables = new Dictionary<string, (EntityDefinition Entity, WarehouseTable? Table)>(StringComparer.Ordinal);
        var entities = graph.Entities ?? [];
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i] is { } entity && !string.IsNullOrEmpty(entity.Name))
            {
                var table = CheckEntity(entity, root.Prop("entities").At(i), context);
                entityTables.TryAdd(entity.Name, (entity, table));
            }
        }

        var relationships = graph.Relationships ?? [];
        for (var i = 0; i < relationships.Count; i++)
        {
            if (relationships[i] is { } r)
            {
                CheckRelationship(graph, r, profileTable, entityTables, root.Prop("relationships").At(i), context);
            }
        }
    }

    private static WarehouseTable? CheckProfile(ProfileSource profile, string path, Context context)
    {
        var table = context.Table(profile.Schema, profile.Table, path.Prop("table"), "the profile source");
        if (table is null)
        {
            return null;
        }

        context.Column(table, profile.IdColumn, path.Prop("idColumn"), "the profile id column");
        context.JsonColumn(table, profile.TraitsColumn, path.Prop("traitsColumn"), "the traits column");
        var traits = profile.Traits ?? [];
        for (var i = 0; i < traits.Count; i++)
        {
            if (traits[i] is { Column: { Length: > 0 } column } trait)
            {
                context.TypedColumn(table, column, trait.Type, path.Prop("traits").At(i).Prop("column"), $"trait '{trait.Name}'");
            }
        }

        return table;
    }

    private static void CheckEvents(EventSource events, WarehouseColumn? profileId, string path, Context context)
    {
        var table = context.Table(events.Schema, events.Table, path.Prop("table"), "the event source");
        if (table is null)
        {
            return;
        }

        var eventProfileId = context.Column(table, events.ProfileIdColumn, path.Prop("profileIdColumn"), "the profile id column of events");
        if (eventProfileId is not null && profileId is not null && !WarehouseCatalog.SameType(eventProfileId, profileId))
        {
            context.Errors.Add(path.Prop("profileIdColumn"), ValidationRules.ColumnTypeMismatch,
                $"Column '{events.ProfileIdColumn}' of table '{table.Name}' is {WarehouseCatalog.Describe(eventProfileId)} but the profile id column is {WarehouseCatalog.Describe(profileId)}; they must have the same type to match.");
        }

        context.TypedColumn(table, events.NameColumn, DataType.String, path.Prop("nameColumn"), "the event name column");
        context.TypedColumn(table, events.TimestampColumn, DataType.Timestamp, path.Prop("timestampColumn"), "the event timestamp column");
        context.JsonColumn(table, events.PropertiesColumn, path.Prop("propertiesColumn"), "the event properties column");
        context.JsonColumn(table, events.ContextColumn, path.Prop("contextColumn"), "the event context column");
    }

    private static WarehouseTable? CheckEntity(EntityDefinition entity, string path, Context context)
    {
        var table = context.Table(entity.Schema, entity.Table, path.Prop("table"), $"entity '{entity.Name}'");
        if (table is null)
        {
            return null;
        }

        context.Column(table, entity.PrimaryKey, path.Prop("primaryKey"), $"the primary key of entity '{entity.Name}'");
        var columns = entity.Columns ?? [];
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] is { Name: { Length: > 0 } name } column)
            {
                context.TypedColumn(table, name, column.Type, path.Prop("columns").At(i).Prop("name"), $"declared by entity '{entity.Name}'");
            }
        }

        return table;
    }

    private static void CheckRelationship(
        DataGraph graph,
        Relationship r,
        WarehouseTable? profileTable,
        Dictionary<string, (EntityDefinition Entity, WarehouseTable? Table)> entities,
        string path,
        Context context)
    {
        var fromIsProfile = string.Equals(r.From, DataGraph.ProfileNode, StringComparison.Ordinal);
        if (!(fromIsProfile || (r.From is not null && entities.ContainsKey(r.From))) || r.To is null || !entities.TryGetValue(r.To, out var to))
        {
            return; // The structure rules report unknown ends.
        }

        var fromTable = fromIsProfile ? profileTable : entities[r.From!].Table;
        var fromKey = fromIsProfile ? graph.Profile?.IdColumn : entities[r.From!].Entity.PrimaryKey;
        var label = $"relationship '{r.Name}'";

        if (r.Join is { } join && r.Junction is null)
        {
            var left = fromTable is null ? null : context.Column(fromTable, join.FromColumn, path.Prop("join").Prop("fromColumn"), $"the join column of {label}");
            var right = to.Table is null ? null : context.Column(to.Table, join.ToColumn, path.Prop("join").Prop("toColumn"), $"the join column of {label}");
            context.SameType(left, fromTable, right, to.Table, path.Prop("join").Prop("toColumn"), label);
        }
        else if (r.Junction is { } junction && r.Join is null)
        {
            var junctionPath = path.Prop("junction");
            var link = context.Table(junction.Schema, junction.Table, junctionPath.Prop("table"), $"the junction of {label}");
            var linkFrom = link is null ? null : context.Column(link, junction.FromColumn, junctionPath.Prop("fromColumn"), $"the junction column of {label}");
            var linkTo = link is null ? null : context.Column(link, junction.ToColumn, junctionPath.Prop("toColumn"), $"the junction column of {label}");
            var fromKeyPath = junction.FromKey is null ? junctionPath.Prop("fromColumn") : junctionPath.Prop("fromKey");
            var toKeyPath = junction.ToKey is null ? junctionPath.Prop("toColumn") : junctionPath.Prop("toKey");

            // Default keys (profile id, primary keys) are checked where they are declared; only explicit keys are reported here.
            var parentKey = fromTable is null ? null
                : junction.FromKey is null ? fromTable.FindColumn(fromKey ?? string.Empty)
                : context.Column(fromTable, junction.FromKey, fromKeyPath, $"the key {label} joins from");
            var childKey = to.Table is null ? null
                : junction.ToKey is null ? to.Table.FindColumn(to.Entity.PrimaryKey ?? string.Empty)
                : context.Column(to.Table, junction.ToKey, toKeyPath, $"the key {label} joins to");
            context.SameType(parentKey, fromTable, linkFrom, link, fromKeyPath, label);
            context.SameType(linkTo, link, childKey, to.Table, toKeyPath, label);
        }
    }

    private sealed class Context(WarehouseCatalog catalog, ValidationErrorList errors)
    {
        public ValidationErrorList Errors => errors;

        public WarehouseTable? Table(string? schema, string? name, string path, string owner)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            var (table, ambiguous) = catalog.Find(schema, name);
            if (table is null)
            {
                var qualified = WarehouseCatalog.QualifiedName(schema, name);
                errors.Add(path, ambiguous ? ValidationRules.AmbiguousTable : ValidationRules.UnknownTable, ambiguous
                    ? $"Table '{qualified}' of {owner} exists in several schemas of the warehouse; name its schema ('schema')."
                    : $"Table '{qualified}' of {owner} does not exist in the warehouse.");
            }

            return table;
        }

        public WarehouseColumn? Column(WarehouseTable table, string? name, string path, string role)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            var column = table.FindColumn(name);
            if (column is null)
            {
                errors.Add(path, ValidationRules.UnknownColumn, $"Column '{name}' ({role}) does not exist in table '{WarehouseCatalog.QualifiedName(table.Schema, table.Name)}'.");
            }

            return column;
        }

        public void TypedColumn(WarehouseTable table, string? name, DataType declared, string path, string role)
        {
            var column = Column(table, name, path, role);
            if (column is not null && (column.IsJson || column.Type != declared))
            {
                errors.Add(path, ValidationRules.ColumnTypeMismatch,
                    $"Column '{name}' of table '{WarehouseCatalog.QualifiedName(table.Schema, table.Name)}' ({role}) must be {JsonNames.Of(declared)}, but the warehouse reports {WarehouseCatalog.Describe(column)}.");
            }
        }

        public void JsonColumn(WarehouseTable table, string? name, string path, string role)
        {
            var column = Column(table, name, path, role);
            if (column is not null && !column.IsJson)
            {
                errors.Add(path, ValidationRules.ColumnTypeMismatch,
                    $"Column '{name}' of table '{WarehouseCatalog.QualifiedName(table.Schema, table.Name)}' ({role}) must be a JSON column, but the warehouse reports {WarehouseCatalog.Describe(column)}.");
            }
        }

        public void SameType(WarehouseColumn? left, WarehouseTable? leftTable, WarehouseColumn? right, WarehouseTable? rightTable, string path, string label)
        {
            if (left is null || right is null || leftTable is null || rightTable is null || WarehouseCatalog.SameType(left, right))
            {
                return;
            }

            errors.Add(path, ValidationRules.ColumnTypeMismatch,
                $"The columns {label} joins on have different types: '{leftTable.Name}.{left.Name}' is {WarehouseCatalog.Describe(left)} and '{rightTable.Name}.{right.Name}' is {WarehouseCatalog.Describe(right)}.");
        }
    }
}
