using Microsoft.Data.Sqlite;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// Where the full-pull baseline keeps the previous membership of each audience: two SQLite tables in a file of its
/// own, read whole into memory before a diff and rewritten whole after the run commits.
/// </summary>
internal sealed class BaselineStateFile(string path)
{
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public async Task<MembershipState> LoadAsync(string audienceKey, CancellationToken cancellationToken)
    {
        var state = new MembershipState();
        await using var connection = await OpenAsync(cancellationToken);
        await using (var members = connection.CreateCommand())
        {
            members.CommandText = "SELECT member_key, enrichment_hash FROM prev_members WHERE audience_key = $a";
            members.Parameters.AddWithValue("$a", audienceKey);
            await using var reader = await members.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                state.Members[reader.GetString(0)] = (byte[])reader.GetValue(1);
            }
        }

        await using (var entities = connection.CreateCommand())
        {
            entities.CommandText = "SELECT member_key, branch, entity, entity_key, parent_key FROM prev_entities WHERE audience_key = $a";
            entities.Parameters.AddWithValue("$a", audienceKey);
            await using var reader = await entities.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new EntityRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                state.Entities[row] = reader.IsDBNull(4) ? null : reader.GetString(4);
            }
        }

        return state;
    }

    public async Task SaveAsync(string audienceKey, MembershipState state, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "prev_members", "prev_entities" })
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE audience_key = $a";
            delete.Parameters.AddWithValue("$a", audienceKey);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO prev_members (audience_key, member_key, enrichment_hash) VALUES ($a, $m, $h)";
            insert.Parameters.AddWithValue("$a", audienceKey);
            var member = insert.Parameters.Add("$m", SqliteType.Text);
            var hash = insert.Parameters.Add("$h", SqliteType.Blob);
            foreach (var (key, value) in state.Members)
            {
                member.Value = key;
                hash.Value = value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO prev_entities (audience_key, member_key, branch, entity, entity_key, parent_key) VALUES ($a, $m, $b, $e, $k, $p)";
            insert.Parameters.AddWithValue("$a", audienceKey);
            var member = insert.Parameters.Add("$m", SqliteType.Text);
            var branch = insert.Parameters.Add("$b", SqliteType.Text);
            var entity = insert.Parameters.Add("$e", SqliteType.Text);
            var key = insert.Parameters.Add("$k", SqliteType.Text);
            var parent = insert.Parameters.Add("$p", SqliteType.Text);
            foreach (var (row, parentKey) in state.Entities)
            {
                (member.Value, branch.Value, entity.Value, key.Value) = (row.Member, row.Branch, row.Entity, row.Key);
                parent.Value = (object?)parentKey ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var schema = connection.CreateCommand();
        schema.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS prev_members (audience_key TEXT NOT NULL, member_key TEXT NOT NULL, enrichment_hash BLOB NOT NULL,
                PRIMARY KEY (audience_key, member_key));
            CREATE TABLE IF NOT EXISTS prev_entities (audience_key TEXT NOT NULL, member_key TEXT NOT NULL, branch TEXT NOT NULL,
                entity TEXT NOT NULL, entity_key TEXT NOT NULL, parent_key TEXT,
                PRIMARY KEY (audience_key, member_key, branch, entity, entity_key));
            """;
        await schema.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
