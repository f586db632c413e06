namespace LinkedAudiences.Core.Validation;

/// <summary>
/// One problem in a data graph or an audience definition.
/// </summary>
/// <param name="Path">A JSONPath into the document, e.g. <c>$.groups[0].conditions[1].where.filters[0].operator</c>.</param>
/// <param name="Rule">A stable kebab-case code (see <see cref="ValidationRules"/>); hosts map it to help and tests assert it.</param>
/// <param name="Message">A sentence a marketer understands, naming the field and the rule.</param>
public sealed record ValidationError(string Path, string Rule, string Message)
{
    public override string ToString() => $"{Path}: {Message} [{Rule}]";
}
