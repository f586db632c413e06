using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Tests.Validation;

public sealed class OperatorRulesTests
{
    [Theory]
    [InlineData(DataType.Number)]
    [InlineData(DataType.Date)]
    [InlineData(DataType.Time)]
    [InlineData(DataType.Timestamp)]
    public void ForConstant_OrderedTypes_AllowComparisonsButNoStringMatching(DataType type)
    {
        Assert.Equal(
            "equals, notEquals, lessThan, greaterThan, lessThanOrEqual, greaterThanOrEqual",
            JsonNames.List(OperatorRules.ForConstant(type)));
        Assert.Equal(OperatorRules.ForConstant(type), OperatorRules.ForReference(type));
    }

    [Fact]
    public void ForConstant_String_AllowsMatchingButNoOrdering()
    {
        Assert.Equal("equals, notEquals, contains, notContains, startsWith, endsWith", JsonNames.List(OperatorRules.ForConstant(DataType.String)));
        Assert.False(OperatorRules.IsAllowed(DataType.String, ComparisonOperator.LessThan));
        Assert.True(OperatorRules.IsAllowed(DataType.String, ComparisonOperator.EndsWith, isReference: true));
    }

    [Fact]
    public void ForReference_Boolean_AllowsNothing()
    {
        Assert.Equal("equals, notEquals", JsonNames.List(OperatorRules.ForConstant(DataType.Boolean)));
        Assert.Empty(OperatorRules.ForReference(DataType.Boolean));
        Assert.False(OperatorRules.AllowsReferences(DataType.Boolean));
        Assert.False(OperatorRules.IsAllowed(DataType.Boolean, ComparisonOperator.Equals, isReference: true));
    }

    [Fact]
    public void Aggregate_AllowsOrderedComparisonsOnly()
    {
        Assert.Equal(OperatorRules.Ordered, OperatorRules.Aggregate);
        Assert.DoesNotContain(ComparisonOperator.Contains, OperatorRules.Aggregate);
    }

    [Fact]
    public void JsonNames_SpellsEnumsAsTheContracts()
    {
        Assert.Equal("TIMESTAMP", JsonNames.Of(DataType.Timestamp));
        Assert.Equal("greaterThanOrEqual", JsonNames.Of(ComparisonOperator.GreaterThanOrEqual));
        Assert.Equal("atLeast", JsonNames.Of(CountOperator.AtLeast));
    }
}
