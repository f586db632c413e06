namespace LinkedAudiences.ViewModels;

// Not sealed: Orchard builds shapes as proxies of their view model.
public class DataGraphPartViewModel
{
    public string? Key { get; set; }

    public string? Graph { get; set; }

    /// <summary>Published once: the key is shown read-only.</summary>
    public bool KeyLocked { get; set; }

    /// <summary>The warehouse's tables for the graph editor (see GraphEditorContextSource); not posted back.</summary>
    public string EditorContextJson { get; set; } = "{}";
}
