namespace LinkedAudiences.Tests.Infrastructure;

/// <summary>The admin's content editor as forms: the create and edit URLs and the fields each part editor posts.</summary>
public static class AdminForms
{
    public const string Publish = "submit.Publish";
    public const string SaveDraft = "submit.Save";

    public static string CreatePath(string contentType) => $"/Admin/Contents/ContentTypes/{contentType}/Create";

    public static string EditPath(string contentItemId) => $"/Admin/Contents/ContentItems/{contentItemId}/Edit";

    public static string DeletePath(string contentItemId) => $"/Admin/Contents/ContentItems/{contentItemId}/Delete";

    public static string ListPath(string contentType) => $"/Admin/Contents/ContentItems/{contentType}";

    public static Dictionary<string, string> Graph(string title, string key, string graphJson, string submit = Publish) => new()
    {
        ["TitlePart.Title"] = title,
        ["DataGraphPart.Key"] = key,
        ["DataGraphPart.Graph"] = graphJson,
        [submit] = submit,
    };

    public static Dictionary<string, string> Audience(
        string title, string key, string definitionJson, string graphKey = "demo", string submit = Publish, string scheduleKind = "Manual", string intervalMinutes = "") => new()
    {
        ["TitlePart.Title"] = title,
        ["LinkedAudiencePart.Key"] = key,
        ["LinkedAudiencePart.GraphKey"] = graphKey,
        ["LinkedAudiencePart.Definition"] = definitionJson,
        ["LinkedAudiencePart.ScheduleKind"] = scheduleKind,
        ["LinkedAudiencePart.IntervalMinutes"] = intervalMinutes,
        ["LinkedAudiencePart.TimeOfDay"] = string.Empty,
        [submit] = submit,
    };

    public static Dictionary<string, string> Activation(
        string title, string audienceKey, string url = "http://127.0.0.1:9/hook", string submit = Publish, string trigger = "audienceEntered") => new()
    {
        ["TitlePart.Title"] = title,
        ["ActivationPart.AudienceKey"] = audienceKey,
        ["ActivationPart.Trigger"] = trigger,
        ["ActivationPart.DestinationKind"] = "webhook",
        ["ActivationPart.Url"] = url,
        [submit] = submit,
    };
}
