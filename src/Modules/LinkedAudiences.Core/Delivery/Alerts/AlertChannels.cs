using System.Net.Mail;
using System.Text;
using System.Text.Json;

namespace LinkedAudiences.Core.Delivery.Alerts;

/// <summary>Sends a fired alert to one channel.</summary>
public interface IAlertSender
{
    AlertChannelKind Kind { get; }

    Task SendAsync(AlertFinding finding, AlertChannel channel, CancellationToken cancellationToken);
}

/// <summary>In-app notifications: the host shows them (the bell); this keeps them until read.</summary>
public interface IAlertInbox
{
    Task AddAsync(AlertFinding finding, CancellationToken cancellationToken);
}

public sealed class InAppAlertSender(IAlertInbox inbox) : IAlertSender
{
    public AlertChannelKind Kind => AlertChannelKind.InApp;

    public Task SendAsync(AlertFinding finding, AlertChannel channel, CancellationToken cancellationToken) => inbox.AddAsync(finding, cancellationToken);
}

/// <summary>A Slack-style incoming webhook: POST {"text": message} as JSON to the channel's URL.</summary>
public sealed class SlackAlertSender(HttpClient http) : IAlertSender
{
    public AlertChannelKind Kind => AlertChannelKind.Slack;

    public async Task SendAsync(AlertFinding finding, AlertChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(channel);
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = ":warning: " + finding.Message });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(channel.Target!), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>Email over SMTP to the channel's address.</summary>
public sealed class SmtpAlertSender(SmtpAlertOptions options) : IAlertSender
{
    public AlertChannelKind Kind => AlertChannelKind.Email;

    public async Task SendAsync(AlertFinding finding, AlertChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(channel);
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        using var message = new MailMessage(options.From, channel.Target!)
        {
            Subject = $"Linked Audiences alert: {finding.Rule.Kind} on {finding.Rule.AudienceKey}",
            Body = finding.Message,
            BodyEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}

public sealed record SmtpAlertOptions(string Host, int Port, string From, bool EnableSsl = false);

/// <summary>Evaluates rules and sends each fired one to every channel it names; a channel that fails does not stop the others.</summary>
public sealed class AlertDispatcher(AlertEvaluator evaluator, IEnumerable<IAlertSender> senders)
{
    private readonly Dictionary<AlertChannelKind, IAlertSender> _senders = senders.ToDictionary(s => s.Kind);

    public async Task<AlertDispatch?> RunAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        var finding = await evaluator.EvaluateAsync(rule, cancellationToken);
        if (finding is null)
        {
            return null;
        }

        var errors = new List<string>();
        foreach (var channel in rule.Channels)
        {
            try
            {
                if (!_senders.TryGetValue(channel.Kind, out var sender))
                {
                    throw new InvalidOperationException($"No sender for {channel.Kind} alerts is configured.");
                }

                await sender.SendAsync(finding, channel, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or SmtpException or InvalidOperationException or IOException)
            {
                errors.Add($"{channel.Kind} {channel.Target}: {e.Message}");
            }
        }

        return new AlertDispatch(finding, errors);
    }
}

public sealed record AlertDispatch(AlertFinding Finding, IReadOnlyList<string> Errors);
