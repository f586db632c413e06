using LinkedAudiences.Core.Delivery;

namespace LinkedAudiences.ViewModels;

/// <summary>The test event screen: the user id asked for and, after sending, the exchange as it happened.</summary>
public sealed class ActivationTestEventViewModel
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? UserId { get; set; }

    public bool Sent { get; set; }

    public TestEventResult? Result { get; set; }
}

/// <summary>The delivery overview screen of one activation over a time range.</summary>
public sealed class ActivationDeliveryViewModel
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? AudienceKey { get; set; }

    public required DeliveryOverview Overview { get; init; }

    public bool CanManage { get; set; }
}
