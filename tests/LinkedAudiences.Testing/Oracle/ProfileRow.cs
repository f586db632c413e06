using System.Text.Json;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>A row of the profiles table with its traits read as their declared types.</summary>
internal sealed class ProfileRow
{
    private readonly ProfileSource _source;
    private readonly InMemoryTable _table;

    // Parsed once, on first use, and safely when evaluations share the row across threads.
    private readonly Lazy<JsonDocument?> _traits;

    public ProfileRow(ProfileSource source, InMemoryTable table, object?[] values)
    {
        _source = source;
        _table = table;
        Values = values;
        Key = KeyText.Of(table.Get(values, source.IdColumn));
        _traits = new Lazy<JsonDocument?>(ParseTraits);
    }

    public object?[] Values { get; }

    /// <summary>The profile id as stored (rule 10); null for a row without an id, which can never be a member.</summary>
    public string? Key { get; }

    public object? Raw(string column) => _table.Get(Values, column);

    /// <summary>Rule 6 / SEMANTICS 5: an absent trait, a null and a JSON value of the wrong kind all read as null.</summary>
    public object? Trait(TraitDefinition trait)
    {
        if (trait.Column is not null)
        {
            return TypedValues.FromColumn(trait.Type, Raw(trait.Column), $"Trait {trait.Name} of profile {Key}");
        }

        if (trait.Path is null)
        {
            throw new InvalidOperationException($"Trait {trait.Name} has neither a column nor a path.");
        }

        var element = _traits.Value?.RootElement;
        foreach (var segment in trait.PathSegments)
        {
            // A path through something that is not an object, or a key that is not there, is a missing trait.
            if (element is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(segment, out var child))
            {
                return null;
            }

            element = child;
        }

        return TypedValues.FromJson(trait.Type, element);
    }

    private JsonDocument? ParseTraits() =>
        _source.TraitsColumn is null
            ? throw new InvalidOperationException("The data graph declares nested traits but no traits column.")
            : Raw(_source.TraitsColumn) is string json ? JsonDocument.Parse(json) : null;
}
