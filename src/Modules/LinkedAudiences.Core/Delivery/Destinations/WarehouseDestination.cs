using System.Data.Common;
using System.Globalization;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Delivery.Destinations;

/// <summary>
/// Warehouse write-back (seeds: "the full event payload in a single stringified JSON column"): one row per event in
/// the chosen table, created when missing. A messageId already in the table is not written again, so a retried
/// batch never doubles a row.
/// </summary>
public sealed class WarehouseDestination : IDestination
{
    // One write at a time per warehouse connection: connectors do not promise concurrent commands on one connection.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IWarehouse, SemaphoreSlim> Gates = [];

    private readonly IWarehouse _warehouse;
    private readonly string _table;
    private readonly string? _schema;
    private volatile bool _ready;

    public WarehouseDestination(IWarehouse warehouse, DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _warehouse = warehouse ?? throw new ArgumentNullException(nameof(warehouse));
        _schema = settings.Schema;
        _table = settings.Table ?? throw new ArgumentException("Warehouse write-back needs a table.", nameof(settings));
    }

    private string Table => _warehouse.Dialect.QuoteTable(_schema, _table);

    public string CreateTableSql()
    {
        var text = _warehouse.Dialect.TextType;
        return $"CREATE TABLE IF NOT EXISTS {Table} (message_id {text} NOT NULL PRIMARY KEY, event_type {text} NOT NULL, user_id {text} NOT NULL, event_timestamp TIMESTAMP NOT NULL, payload {text} NOT NULL)";
    }

    public async Task<DeliveryExchange> SendAsync(IReadOnlyList<OutgoingEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var dialect = _warehouse.Dialect;
        var rows = new List<string>();
        var parameters = new List<SqlParameter>();
        foreach (var e in batch)
        {
            var at = parameters.Count;
            rows.Add($"({string.Join(", ", Enumerable.Range(at + 1, 4).Select(dialect.Placeholder))}, CAST({dialect.Placeholder(at + 5)} AS TIMESTAMP))");
            parameters.Add(new("message_id", e.MessageId));
            parameters.Add(new("event_type", e.Type));
            parameters.Add(new("user_id", e.UserId));
            parameters.Add(new("payload", e.Json));
            parameters.Add(new("event_timestamp", DateTime.SpecifyKind(e.Timestamp.UtcDateTime, DateTimeKind.Unspecified)));
        }

        var sql = $"""
            INSERT INTO {Table} (message_id, event_type, user_id, payload, event_timestamp)
            SELECT v.message_id, v.event_type, v.user_id, v.payload, v.event_timestamp
            FROM (VALUES {string.Join(", ", rows)}) AS v (message_id, event_type, user_id, payload, event_timestamp)
            WHERE NOT EXISTS (SELECT 1 FROM {Table} AS t WHERE t.message_id = v.message_id)
            """;
        var sent = new SentRequest("INSERT", Table, [], sql);
        var gate = Gates.GetValue(_warehouse, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                if (_schema is not null)
                {
                    await _warehouse.ExecuteAsync(SqlQuery.Text($"CREATE SCHEMA IF NOT EXISTS {dialect.QuoteIdentifier(_schema)}"), cancellationToken);
                }

                await _warehouse.ExecuteAsync(SqlQuery.Text(CreateTableSql()), cancellationToken);
                _ready = true;
            }

            var written = await _warehouse.ExecuteAsync(new SqlQuery(sql, parameters), cancellationToken);
            var body = written.ToString(CultureInfo.InvariantCulture) + " rows written";
            return new DeliveryExchange { Request = sent, Response = new ReceivedResponse(200, [], body), Outcome = DeliveryOutcome.Delivered };
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            // Warehouses fail transiently (locks, restarts); the retry budget decides when to give up.
            return new DeliveryExchange { Request = sent, Outcome = DeliveryOutcome.Retry, Error = "The warehouse refused the write: " + e.Message };
        }
        finally
        {
            gate.Release();
        }
    }
}
