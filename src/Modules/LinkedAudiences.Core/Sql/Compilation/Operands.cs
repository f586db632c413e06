using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>Turns operands into SQL expressions: constants become parameters, traits and event properties JSON reads.</summary>
internal sealed class Operands(CompileContext context)
{
    public string Render(PlannedOperand operand, Scope scope) => operand switch
    {
        ConstantOperand { Value: decimal number } => context.DecimalParameter(number),
        ConstantOperand c => context.Parameter(c.Value),
        TraitOperand t => Trait(t.Trait, scope.Profile),
        EntityColumnOperand e => context.Column(scope.Entity(e.Scope.Depth), e.Column.Name),
        EventPropertyOperand p => EventProperty(p, scope.Event ?? throw new InvalidOperationException("An event property is read outside an event condition.")),
        _ => throw new InvalidOperationException($"Operand {operand.GetType().Name} is not compiled."),
    };

    public string Trait(TraitDefinition trait, string profileAlias)
    {
        if (trait.Column is { } column)
        {
            return context.Column(profileAlias, column);
        }

        var traitsColumn = context.ProfileTraitsColumn ?? throw new InvalidOperationException($"Trait '{trait.Name}' needs the profile traits column.");
        return Json(context.Column(profileAlias, traitsColumn), trait.PathSegments, trait.Type);
    }

    private string EventProperty(EventPropertyOperand operand, string eventAlias)
    {
        var events = context.Events;
        var column = operand.IsContext
            ? events.ContextColumn ?? throw new InvalidOperationException("The events source has no context column.")
            : events.PropertiesColumn;
        return Json(context.Column(eventAlias, column), [operand.Property.Name], operand.Type);
    }

    private string Json(string column, IReadOnlyList<string> path, DataType type)
    {
        foreach (var key in path)
        {
            context.Literal(key); // rejects keys that could break the text
        }

        return context.Dialect.JsonValue(column, path, type);
    }
}
