using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services.Audiences;

/// <summary>The TitlePart's title as JSON holds it, so the screens can rename an audience without referencing the Title module.</summary>
public sealed class TitleElement : ContentElement
{
    public string? Title { get; set; }
}
