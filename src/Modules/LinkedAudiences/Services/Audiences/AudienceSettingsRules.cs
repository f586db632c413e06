using System.Globalization;
using System.Net.Mail;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Models;
using LinkedAudiences.ViewModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Services.Audiences;

/// <summary>The Settings and Alerts forms' rules: each problem is added under the field it is about.</summary>
public static class AudienceSettingsRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <returns>The schedule the form asks for, or null when it is not valid (the reasons are in <paramref name="modelState"/>).</returns>
    public static RunSchedule? Check(AudienceSettingsInput input, ModelStateDictionary modelState, string prefix, IStringLocalizer S)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(S);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            modelState.AddModelError(prefix + ".Name", S["The name is required."]);
        }
        else if (input.Name.Trim().Length > MaxNameLength)
        {
            modelState.AddModelError(prefix + ".Name", S["The name is longer than {0} characters.", MaxNameLength]);
        }

        if (input.Description?.Length > MaxDescriptionLength)
        {
            modelState.AddModelError(prefix + ".Description", S["The description is longer than {0} characters.", MaxDescriptionLength]);
        }

        if (Clean(input.Folder) is { } folder && (folder.Length > AudienceFolders.MaxLength || folder.Any(char.IsControl)))
        {
            modelState.AddModelError(prefix + ".Folder", S["A folder name has at most {0} characters and no control characters.", AudienceFolders.MaxLength]);
        }

        TimeOnly? time = null;
        if (input.ScheduleKind == RunScheduleKind.DayAndTime && !string.IsNullOrWhiteSpace(input.TimeOfDay))
        {
            if (TimeOnly.TryParseExact(input.TimeOfDay.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                time = parsed;
            }
            else
            {
                modelState.AddModelError(prefix + ".TimeOfDay", S["The time of day is HH:mm (UTC), e.g. 08:30."]);
            }
        }

        var schedule = new RunSchedule
        {
            Kind = input.ScheduleKind,
            IntervalMinutes = input.IntervalMinutes,
            Days = input.Days ?? [],
            TimeOfDay = time,
        };
        foreach (var error in RunScheduleValidator.Validate(schedule).Errors)
        {
            var field = error.Path switch
            {
                var p when p.EndsWith(".intervalMinutes", StringComparison.Ordinal) => "IntervalMinutes",
                var p when p.EndsWith(".days", StringComparison.Ordinal) => "Days",
                var p when p.EndsWith(".timeOfDay", StringComparison.Ordinal) => "TimeOfDay",
                _ => "ScheduleKind",
            };
            if (!modelState.ContainsKey(prefix + "." + field) || modelState[prefix + "." + field]!.Errors.Count == 0)
            {
                modelState.AddModelError(prefix + "." + field, S["The schedule {0}", error.Message]);
            }
        }

        return modelState.IsValid ? schedule : null;
    }

    public static void Check(AudienceAlertInput input, ModelStateDictionary modelState, string prefix, IStringLocalizer S)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(S);
        if (input.ThresholdPercent is not { } threshold || double.IsNaN(threshold) || threshold <= 0 || threshold > 1000)
        {
            modelState.AddModelError(prefix + ".ThresholdPercent", S["The threshold is a percentage above 0 and at most 1000."]);
        }

        switch (input.Channel)
        {
            case AudienceAlertChannels.InApp:
                break;
            case AudienceAlertChannels.Slack:
                if (!Uri.TryCreate(input.Target?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                {
                    modelState.AddModelError(prefix + ".Target", S["A Slack alert needs the webhook's http(s) URL."]);
                }

                break;
            case AudienceAlertChannels.Email:
                if (!MailAddress.TryCreate(input.Target?.Trim(), out _))
                {
                    modelState.AddModelError(prefix + ".Target", S["An email alert needs one email address (a mailing list's for several people)."]);
                }

                break;
            default:
                modelState.AddModelError(prefix + ".Channel", S["The channel is in-app, Slack or email."]);
                break;
        }
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
