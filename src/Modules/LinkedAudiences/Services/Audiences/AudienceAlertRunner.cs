using System.Globalization;
using LinkedAudiences.Core.Delivery.Alerts;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Storage;
using Microsoft.Extensions.Logging;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services.Audiences;

/// <summary>
/// Evaluates an audience's size-change alerts once after each of its runs (the engine's <see cref="AlertEvaluator"/>:
/// members after the latest run against 24 hours before) and sends each one that fires to its channel: in-app (kept on
/// the audience, listed on its Alerts tab), a Slack-style webhook, or email when an SMTP server is configured.
/// </summary>
public sealed class AudienceAlertRunner(
    TenantStateStore tenantState,
    AudienceItemWriter writer,
    IHttpClientFactory httpClientFactory,
    AudienceAlertSmtp smtp,
    ILogger<AudienceAlertRunner> logger)
{
    /// <summary>In-app alerts kept per audience, newest first.</summary>
    public const int MaxNotices = 50;

    /// <returns>The messages of the alerts that fired now.</returns>
    public async Task<IReadOnlyList<string>> EvaluateAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await writer.ReadAsync(contentItemId, cancellationToken);
        var part = item?.GetOrCreate<LinkedAudiencePart>();
        if (item is null || !item.Published || part is null || part.Alerts.Count == 0 || string.IsNullOrEmpty(part.Key))
        {
            return [];
        }

        var state = await tenantState.GetAsync(cancellationToken);
        var recent = await state.Runs.ListRunsAsync(part.Key, 1, cancellationToken);
        var latest = recent.Count > 0 ? recent[0] : null;
        if (latest is null || latest.Status is RunStatus.Queued or RunStatus.Running)
        {
            return [];
        }

        var deliveries = (state as StateStore)?.Deliveries
            ?? throw new InvalidOperationException("Alerts need the tenant's state store.");
        var inbox = new CollectingInbox();
        var senders = new List<IAlertSender> { new InAppAlertSender(inbox), new SlackAlertSender(httpClientFactory.CreateClient(nameof(AudienceAlertRunner))) };
        if (smtp.Options is { } options)
        {
            senders.Add(new SmtpAlertSender(options));
        }

        var dispatcher = new AlertDispatcher(new AlertEvaluator(deliveries, state.Runs, tenantState.Time), senders);
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        var fired = new List<string>();
        foreach (var rule in part.Alerts.Where(r => !string.Equals(r.LastRunId, latest.RunId, StringComparison.Ordinal)))
        {
            evaluated.Add(rule.Id);
            var dispatch = await dispatcher.RunAsync(ToRule(part.Key, rule), cancellationToken);
            if (dispatch is null)
            {
                continue;
            }

            fired.Add(dispatch.Finding.Message);
            foreach (var error in dispatch.Errors)
            {
                logger.LogWarning("Alert {AlertId} of audience {AudienceKey} could not be sent: {Error}", rule.Id, part.Key, error);
                inbox.Add(rule.Id, $"Could not send the alert by {rule.Channel}: {error}", tenantState.Time.GetUtcNow());
            }
        }

        if (evaluated.Count > 0)
        {
            await writer.AlterAsync(contentItemId, (_, p) =>
            {
                // Only rules no concurrent evaluation (the background task) has recorded this run for: each run notifies once.
                var fresh = p.Alerts.Where(r => evaluated.Contains(r.Id) && !string.Equals(r.LastRunId, latest.RunId, StringComparison.Ordinal))
                    .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var rule in p.Alerts.Where(r => fresh.Contains(r.Id)))
                {
                    rule.LastRunId = latest.RunId;
                }

                var notices = inbox.Notices.Where(n => fresh.Contains(n.RuleId)).Reverse();
                p.AlertNotices = [.. notices.Concat(p.AlertNotices).Take(MaxNotices)];
            }, cancellationToken);
        }

        return fired;
    }

    private static AlertRule ToRule(string audienceKey, AudienceAlertRule rule) => new()
    {
        Key = rule.Id,
        Kind = AlertKind.AudienceSize,
        AudienceKey = audienceKey,
        ThresholdPercent = rule.ThresholdPercent,
        Channels = [new AlertChannel(rule.Channel switch
        {
            AudienceAlertChannels.Slack => AlertChannelKind.Slack,
            AudienceAlertChannels.Email => AlertChannelKind.Email,
            _ => AlertChannelKind.InApp,
        }, rule.Target)],
    };

    /// <summary>In-app alerts of this evaluation, written onto the audience afterwards in one save.</summary>
    private sealed class CollectingInbox : IAlertInbox
    {
        public List<AudienceAlertNotice> Notices { get; } = [];

        public Task AddAsync(AlertFinding finding, CancellationToken cancellationToken)
        {
            Add(finding.Rule.Key, finding.Message, finding.At);
            return Task.CompletedTask;
        }

        public void Add(string ruleId, string message, DateTimeOffset at) =>
            Notices.Add(new AudienceAlertNotice { RuleId = ruleId, Message = message, At = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) });
    }
}

/// <summary>The SMTP server email alerts go through (<c>LinkedAudiences:Alerts:Smtp:Host|Port|From|EnableSsl</c> in the tenant's configuration); none: email alerts report that they could not be sent.</summary>
public sealed class AudienceAlertSmtp(SmtpAlertOptions? options)
{
    public SmtpAlertOptions? Options { get; } = options;
}
