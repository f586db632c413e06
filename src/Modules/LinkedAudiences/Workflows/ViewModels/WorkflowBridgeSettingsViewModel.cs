namespace LinkedAudiences.Workflows.ViewModels;

/// <summary>The bridge's flood limits on the Linked Audiences settings page. Null fields (a form without them) keep what is stored.</summary>
// Not sealed: Orchard builds the editor shape as a proxy of the view model.
public class WorkflowBridgeSettingsViewModel
{
    public int? MaxWorkflowStartsPerRun { get; set; }

    /// <summary>One "audience-key = limit" per line.</summary>
    public string? AudienceLimits { get; set; }
}
