using OrchardCore.Workflows.Models;
using OrchardCore.Workflows.Services;

namespace LinkedAudiences.Workflows.Activities;

/// <summary>The audience a task works on: its expression's result when it has one, else the audience picked in the editor.</summary>
internal static class AudienceKeys
{
    public static async Task<string> ResolveAsync(
        string picked, WorkflowExpression<string> expression, IWorkflowExpressionEvaluator expressions, WorkflowExecutionContext workflowContext)
    {
        if (!string.IsNullOrWhiteSpace(expression.Expression))
        {
            return (await expressions.EvaluateAsync(expression, workflowContext, null))?.Trim() ?? string.Empty;
        }

        return picked?.Trim() ?? string.Empty;
    }
}
