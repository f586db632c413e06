using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>The data graph's own consistency, without looking at the warehouse.</summary>
internal static class GraphStructureRules
{
    public static void Check(DataGraph graph, ValidationErrorList errors)
    {
        var root = JsonPaths.Root;
        if (graph.SchemaVersion != DataGraph.CurrentSchemaVersion)
        {
            var e = JsonDocumentReader.UnsupportedVersion(graph.SchemaVersion, "data graph", DataGraph.CurrentSchemaVersion);
            errors.Add(e.Path, e.Rule, e.Message);
        }

        if (graph.Profile is null)
        {
            errors.Add(root.Prop("profile"), ValidationRules.MissingValue, "The data graph needs a profile source ('profile').");
        }
        else
        {
            CheckProfile(graph.Profile, root.Prop("profile"), errors);
        }

        if (graph.Events is not null)
        {
            CheckEvents(graph.Events, root.Prop("events"), errors);
        }

        var entityNames = CheckEntities(graph.Entities ?? [], root.Prop("entities"), errors);
        CheckRelationships(graph.Relationships ?? [], entityNames, root.Prop("relationships"), errors);
    }

    private static void CheckProfile(ProfileSource profile, string path, ValidationErrorList errors)
    {
        Required(profile.Table, path.Prop("table"), "The profile source needs a table ('table').", errors);
        Required(profile.IdColumn, path.Prop("idColumn"), "The profile source needs an id column ('idColumn').", errors);

        var names = new NameSet(errors, "trait");
        var traits = profile.Traits ?? [];
        for (var i = 0; i < traits.Count; i++)
        {
            var at = path.Prop("traits").At(i);
            if (traits[i] is not { } trait)
            {
                errors.Add(at, ValidationRules.MissingValue, "A trait cannot be null.");
                continue;
            }

            names.Add(trait.Name, at.Prop("name"));
            var hasColumn = !string.IsNullOrEmpty(trait.Column);
            var hasPath = !string.IsNullOrEmpty(trait.Path);
            if (hasColumn == hasPath)
            {
                errors.Add(at, ValidationRules.TraitSource, $"Trait '{trait.Name}' must have exactly one of 'column' (a column of the profiles table) or 'path' (a path in the traits column).");
            }

            if (hasPath && string.IsNullOrEmpty(profile.TraitsColumn))
            {
                errors.Add(at.Prop("path"), ValidationRules.MissingTraitsColumn, $"Trait '{trait.Name}' reads the nested path '{trait.Path}', but the profile source has no JSON traits column ('traitsColumn').");
            }

            if (hasPath && trait.Path!.Split('.').Any(s => s.Trim().Length == 0))
            {
                errors.Add(at.Prop("path"), ValidationRules.InvalidTraitPath, $"Trait '{trait.Name}' has the path '{trait.Path}'; a path is keys separated by single dots, none of them empty (e.g. \"address.city\").");
            }
        }
    }

    private static void CheckEvents(EventSource events, string path, ValidationErrorList errors)
    {
        Required(events.Table, path.Prop("table"), "The event source needs a table ('table').", errors);
        Required(events.ProfileIdColumn, path.Prop("profileIdColumn"), "The event source needs a profile id column ('profileIdColumn').", errors);
        Required(events.NameColumn, path.Prop("nameColumn"), "The event source needs an event name column ('nameColumn').", errors);
        Required(events.TimestampColumn, path.Prop("timestampColumn"), "The event source needs a timestamp column ('timestampColumn').", errors);
        Required(events.PropertiesColumn, path.Prop("propertiesColumn"), "The event source needs a JSON properties column ('propertiesColumn').", errors);

        var properties = new NameSet(errors, "event property");
        var list = events.Properties ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var at = path.Prop("properties").At(i);
            if (list[i] is null)
            {
                errors.Add(at, ValidationRules.MissingValue, "An event property cannot be null.");
            }
            else if (properties.Add(list[i].Name, at.Prop("name")) && list[i].Name.StartsWith(EventSource.ContextPrefix, StringComparison.Ordinal))
            {
                errors.Add(at.Prop("name"), ValidationRules.ReservedName, $"The event property name '{list[i].Name}' cannot start with '{EventSource.ContextPrefix}': filters use that prefix for context keys.");
            }
        }

        var context = new NameSet(errors, "context key");
        var keys = events.Context ?? [];
        for (var i = 0; i < keys.Count; i++)
        {
            var at = path.Prop("context").At(i);
            if (keys[i] is null)
            {
                errors.Add(at, ValidationRules.MissingValue, "A context key cannot be null.");
            }
            else
            {
                context.Add(keys[i].Name, at.Prop("name"));
            }
        }

        if (keys.Count > 0 && string.IsNullOrEmpty(events.ContextColumn))
        {
            errors.Add(path.Prop("contextColumn"), ValidationRules.MissingContextColumn, "The event source declares context keys but has no JSON context column ('contextColumn').");
        }
    }

    private static HashSet<string> CheckEntities(IReadOnlyList<EntityDefinition> entities, string path, ValidationErrorList errors)
    {
        var names = new NameSet(errors, "entity");
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            var at = path.At(i);
            if (entities[i] is not { } entity)
            {
                errors.Add(at, ValidationRules.MissingValue, "An entity cannot be null.");
                continue;
            }

            if (names.Add(entity.Name, at.Prop("name")))
            {
                if (string.Equals(entity.Name, DataGraph.ProfileNode, StringComparison.Ordinal))
                {
                    errors.Add(at.Prop("name"), ValidationRules.ReservedName, $"'{DataGraph.ProfileNode}' is reserved for the profile side of relationships and cannot name an entity.");
                }
                else
                {
                    known.Add(entity.Name);
                }
            }

            Required(entity.Table, at.Prop("table"), $"Entity '{entity.Name}' needs a table ('table').", errors);
            Required(entity.PrimaryKey, at.Prop("primaryKey"), $"Entity '{entity.Name}' needs a primary key column ('primaryKey').", errors);

            var columns = new NameSet(errors, "column", $"entity '{entity.Name}'");
            var list = entity.Columns ?? [];
            for (var c = 0; c < list.Count; c++)
            {
                var columnPath = at.Prop("columns").At(c);
                if (list[c] is null)
                {
                    errors.Add(columnPath, ValidationRules.MissingValue, "A column cannot be null.");
                }
                else
                {
                    columns.Add(list[c].Name, columnPath.Prop("name"));
                }
            }
        }

        return known;
    }

    private static void CheckRelationships(IReadOnlyList<Relationship> relationships, HashSet<string> entities, string path, ValidationErrorList errors)
    {
        var names = new NameSet(errors, "relationship");
        for (var i = 0; i < relationships.Count; i++)
        {
            var at = path.At(i);
            if (relationships[i] is not { } r)
            {
                errors.Add(at, ValidationRules.MissingValue, "A relationship cannot be null.");
                continue;
            }

            names.Add(r.Name, at.Prop("name"));
            if (Required(r.From, at.Prop("from"), $"Relationship '{r.Name}' needs a starting point ('from'): '{DataGraph.ProfileNode}' or an entity.", errors)
                && !string.Equals(r.From, DataGraph.ProfileNode, StringComparison.Ordinal)
                && !entities.Contains(r.From))
            {
                errors.Add(at.Prop("from"), ValidationRules.UnknownEntity, $"Relationship '{r.Name}' starts at '{r.From}', which is neither '{DataGraph.ProfileNode}' nor an entity of the data graph.");
            }

            if (Required(r.To, at.Prop("to"), $"Relationship '{r.Name}' needs an entity to lead to ('to').", errors) && !entities.Contains(r.To))
            {
                errors.Add(at.Prop("to"), ValidationRules.UnknownEntity, $"Relationship '{r.Name}' leads to '{r.To}', which is not an entity of the data graph.");
            }

            if ((r.Join is null) == (r.Junction is null))
            {
                errors.Add(at, ValidationRules.RelationshipLink, $"Relationship '{r.Name}' must have exactly one of 'join' (matching columns) or 'junction' (a link table).");
            }

            if (r.Join is { } join)
            {
                Required(join.FromColumn, at.Prop("join").Prop("fromColumn"), $"The join of relationship '{r.Name}' needs 'fromColumn'.", errors);
                Required(join.ToColumn, at.Prop("join").Prop("toColumn"), $"The join of relationship '{r.Name}' needs 'toColumn'.", errors);
            }

            if (r.Junction is { } junction)
            {
                Required(junction.Table, at.Prop("junction").Prop("table"), $"The junction of relationship '{r.Name}' needs a table.", errors);
                Required(junction.FromColumn, at.Prop("junction").Prop("fromColumn"), $"The junction of relationship '{r.Name}' needs 'fromColumn'.", errors);
                Required(junction.ToColumn, at.Prop("junction").Prop("toColumn"), $"The junction of relationship '{r.Name}' needs 'toColumn'.", errors);
            }
        }
    }

    private static bool Required(string? value, string path, string message, ValidationErrorList errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        errors.Add(path, ValidationRules.EmptyName, message);
        return false;
    }
}
