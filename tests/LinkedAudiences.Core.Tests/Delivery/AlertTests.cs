using System.Text.Json;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Delivery.Alerts;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Testing.Delivery;
using LinkedAudiences.Testing.State;

namespace LinkedAudiences.Core.Tests.Delivery;

public sealed class AlertTests
{
    private static readonly DateTimeOffset Now = DeliveryWorld.Start.AddDays(2);

    private static AlertRule Health(double threshold, params AlertChannel[] channels) => new()
    {
        Key = "health",
        Kind = AlertKind.EventHealth,
        AudienceKey = "aud",
        ActivationKey = "act",
        ThresholdPercent = threshold,
        Channels = channels,
    };

    /// <summary>Delivered events: <paramref name="previous"/> in the day before yesterday's window, <paramref name="current"/> in the last 24 hours.</summary>
    private static async Task<InMemoryDeliveryStore> DeliveredAsync(int previous, int current)
    {
        var store = new InMemoryDeliveryStore();
        var records = new List<DeliveryRecord>();
        for (var i = 0; i < previous + current; i++)
        {
            var at = i < previous ? Now.AddHours(-30) : Now.AddHours(-2);
            var e = Core.Events.AudienceEvents.Entered(new Core.Events.AudienceEventContext("aud", i + 1, "r", at), "u" + i, "u" + i);
            records.Add(new DeliveryRecord { ActivationKey = "act", Event = e, Position = i + 1, State = DeliveryState.Delivered, Attempts = 1, UpdatedAt = at });
        }

        await store.EnqueueAsync("act", records, records.Count, CancellationToken.None);
        return store;
    }

    private static AlertEvaluator Evaluator(InMemoryDeliveryStore store, InMemoryRunStore? runs = null) =>
        new(store, runs ?? new InMemoryRunStore(), new ManualClock(Now));

    [Theory]
    [InlineData(100, 96, false)]
    [InlineData(100, 104, false)]
    [InlineData(100, 95, true)]
    [InlineData(100, 105, true)]
    [InlineData(0, 0, false)]
    [InlineData(0, 3, true)]
    public async Task Evaluate_EventHealthAgainstPreviousDay_FiresOutsideThreshold(int previous, int current, bool fires)
    {
        var finding = await Evaluator(await DeliveredAsync(previous, current)).EvaluateAsync(Health(4), CancellationToken.None);

        Assert.Equal(fires, finding is not null);
        if (finding is not null)
        {
            Assert.Equal((previous, current), ((int)finding.Previous, (int)finding.Current));
        }
    }

    [Fact]
    public async Task Evaluate_Drop_MessageStatesFiguresAndChange()
    {
        var finding = await Evaluator(await DeliveredAsync(100, 80)).EvaluateAsync(Health(4), CancellationToken.None);

        Assert.Equal(-20, finding!.ChangePercent);
        Assert.Equal("Activation 'act' of audience 'aud' delivered 80 events in the last 24 hours, against 100 the 24 hours before (-20%, threshold 4%).", finding.Message);
    }

    [Fact]
    public async Task Evaluate_AudienceSizeChange_ComparesWithRunOfADayAgo()
    {
        var runs = new InMemoryRunStore();
        await CommitAsync(runs, 1, Now.AddHours(-30), 200);
        await CommitAsync(runs, 2, Now.AddHours(-1), 230);
        var rule = new AlertRule { Key = "size", Kind = AlertKind.AudienceSize, AudienceKey = "aud", ThresholdPercent = 10 };

        var finding = await Evaluator(new InMemoryDeliveryStore(), runs).EvaluateAsync(rule, CancellationToken.None);

        Assert.Equal((200L, 230L, 15.0), (finding!.Previous, finding.Current, Math.Round(finding.ChangePercent!.Value, 6)));
        Assert.Null(await Evaluator(new InMemoryDeliveryStore(), runs).EvaluateAsync(rule with { ThresholdPercent = 20 }, CancellationToken.None));
    }

    [Fact]
    public async Task Dispatch_AllChannels_InAppSlackAndSmtpReceiveTheAlert()
    {
        await using var slack = new LoopbackReceiver();
        await using var smtp = new LoopbackSmtpServer();
        using var http = new HttpClient();
        var inbox = new ListInbox();
        var dispatcher = new AlertDispatcher(
            Evaluator(await DeliveredAsync(100, 150)),
            [new InAppAlertSender(inbox), new SlackAlertSender(http), new SmtpAlertSender(new SmtpAlertOptions("127.0.0.1", smtp.Port, "alerts@example.test"))]);
        var rule = Health(10, new AlertChannel(AlertChannelKind.InApp), new AlertChannel(AlertChannelKind.Slack, slack.BaseUrl + "services/T/B/x"), new AlertChannel(AlertChannelKind.Email, "team@example.test"));

        var dispatch = await dispatcher.RunAsync(rule, CancellationToken.None);

        Assert.Empty(dispatch!.Errors);
        Assert.Equal(dispatch.Finding, Assert.Single(inbox.Findings));
        var post = Assert.Single(slack.Requests);
        Assert.Equal("/services/T/B/x", post.Path);
        Assert.Equal(":warning: " + dispatch.Finding.Message, JsonDocument.Parse(post.Body).RootElement.GetProperty("text").GetString());
        var mail = Assert.Single(smtp.Mails);
        Assert.Equal("alerts@example.test", mail.From);
        Assert.Equal(["team@example.test"], mail.To);
        Assert.Contains("Subject: Linked Audiences alert: EventHealth on aud", mail.Data, StringComparison.Ordinal);
        Assert.Contains("Content-Transfer-Encoding: base64", mail.Data, StringComparison.Ordinal);
        var body = mail.Data[(mail.Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "", StringComparison.Ordinal);
        Assert.Equal(dispatch.Finding.Message, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body)));
    }

    [Fact]
    public async Task Dispatch_SlackFails_OtherChannelsStillSent()
    {
        await using var slack = new LoopbackReceiver { Respond = (_, _) => new ReceiverResponse(500, "no") };
        using var http = new HttpClient();
        var inbox = new ListInbox();
        var dispatcher = new AlertDispatcher(Evaluator(await DeliveredAsync(10, 1)), [new InAppAlertSender(inbox), new SlackAlertSender(http)]);

        var dispatch = await dispatcher.RunAsync(Health(10, new AlertChannel(AlertChannelKind.Slack, slack.BaseUrl), new AlertChannel(AlertChannelKind.InApp)), CancellationToken.None);

        Assert.Single(dispatch!.Errors);
        Assert.Single(inbox.Findings);
    }

    [Fact]
    public async Task Dispatch_WithinThreshold_SendsNothing()
    {
        var inbox = new ListInbox();
        var dispatcher = new AlertDispatcher(Evaluator(await DeliveredAsync(100, 101)), [new InAppAlertSender(inbox)]);

        Assert.Null(await dispatcher.RunAsync(Health(4, new AlertChannel(AlertChannelKind.InApp)), CancellationToken.None));
        Assert.Empty(inbox.Findings);
    }

    private static async Task CommitAsync(InMemoryRunStore runs, long version, DateTimeOffset finished, long members)
    {
        var run = new RunRecord
        {
            RunId = "r" + version,
            AudienceKey = "aud",
            DefinitionVersion = 1,
            MembershipVersion = version,
            Trigger = RunTrigger.Manual,
            QueuedAt = finished.AddMinutes(-1),
            StartedAt = finished.AddMinutes(-1),
            FinishedAt = finished,
            AsOf = finished,
            Status = RunStatus.Running,
        };
        await runs.CreateRunAsync(run, CancellationToken.None);
        await runs.CommitRunAsync(run with { Status = RunStatus.Succeeded, Summary = new ChangeSummary(members, 0, 0, 0, 0, 0) }, AsyncEnumerable.Empty<Core.Events.AudienceEvent>(), CancellationToken.None);
    }

    private sealed class ListInbox : IAlertInbox
    {
        public List<AlertFinding> Findings { get; } = [];

        public Task AddAsync(AlertFinding finding, CancellationToken cancellationToken)
        {
            Findings.Add(finding);
            return Task.CompletedTask;
        }
    }
}
