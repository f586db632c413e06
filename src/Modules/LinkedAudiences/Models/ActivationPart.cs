using OrchardCore.ContentManagement;

namespace LinkedAudiences.Models;

/// <summary>Sends an audience's changes to a destination: which audience, which events, where and how.</summary>
public sealed class ActivationPart : ContentPart
{
    public string AudienceKey { get; set; } = string.Empty;

    /// <summary>One of <see cref="ActivationTriggers.All"/>.</summary>
    public string Trigger { get; set; } = ActivationTriggers.AudienceEntered;

    /// <summary>One of <see cref="DestinationKinds.All"/>.</summary>
    public string DestinationKind { get; set; } = DestinationKinds.Webhook;

    /// <summary>The destination's settings as a JSON object (URL, headers, mapping); secrets are not kept here.</summary>
    public string DestinationSettings { get; set; } = "{}";

    public bool Enabled { get; set; }
}
