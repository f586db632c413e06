namespace LinkedAudiences.ViewModels;

// Not sealed: Orchard builds shapes as proxies of their view model.
public class ActivationPartViewModel
{
    public string? AudienceKey { get; set; }

    public string? Trigger { get; set; }

    public string? DestinationKind { get; set; }

    public string? DestinationSettings { get; set; }

    public bool Enabled { get; set; }
}
