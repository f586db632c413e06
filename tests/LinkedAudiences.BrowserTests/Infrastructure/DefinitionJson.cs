using System.Text.Json.Nodes;

namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>
/// Definitions compared by meaning: members spelled out with their schema default (negate false, "and", count at
/// least 1, mode import, schemaVersion 1, empty lists) are dropped, and nested conditions get their implied kind.
/// </summary>
public static class DefinitionJson
{
    public static JsonNode Normalize(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("Not a JSON object.");
        DropDefault(root, "schemaVersion", 1);
        DropDefault(root, "groupOperator", "and");
        foreach (var group in Array(root, "groups"))
        {
            DropDefault(group, "operator", "and");
            foreach (var condition in Array(group, "conditions"))
            {
                Condition(condition);
            }

            DropEmpty(group, "conditions");
        }

        return root;
    }

    private static void Condition(JsonObject condition)
    {
        DropDefault(condition, "negate", false);
        DropDefault(condition, "mode", "import");
        if (condition["count"] is JsonObject count && count.Count == 2 && Is(count["operator"], "atLeast") && Is(count["value"], 1))
        {
            condition.Remove("count");
        }

        if (condition["where"] is JsonObject where)
        {
            DropDefault(where, "operator", "and");
            DropEmpty(where, "filters");
            if (where.Count == 0)
            {
                condition.Remove("where");
            }
        }

        foreach (var nested in Array(condition, "conditions"))
        {
            nested["kind"] ??= "entity";
            Condition(nested);
        }

        DropEmpty(condition, "conditions");
        DropDefault(condition, "conditionsOperator", "and");
    }

    private static IEnumerable<JsonObject> Array(JsonObject owner, string name) =>
        owner[name] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static void DropEmpty(JsonObject owner, string name)
    {
        if (owner[name] is JsonArray { Count: 0 })
        {
            owner.Remove(name);
        }
    }

    private static void DropDefault<T>(JsonObject owner, string name, T value)
    {
        if (Is(owner[name], value))
        {
            owner.Remove(name);
        }
    }

    private static bool Is<T>(JsonNode? node, T value) =>
        node is JsonValue v && v.TryGetValue<T>(out var actual) && EqualityComparer<T>.Default.Equals(actual, value);
}
