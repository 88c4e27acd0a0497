using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Urakata.Accounting.Journal;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Data;

/// <summary>
/// Writes sealed journal entries and their lines straight to <c>acc_journal_entries</c> and <c>acc_journal_lines</c>
/// in the caller's open transaction, bypassing the change tracker: PostgreSQL binary COPY, SQLite one prepared INSERT per
/// table reused for every row. The values are stored exactly as EF stores them (on SQLite: Guid as upper-case TEXT,
/// DateOnly 'yyyy-MM-dd', DateTime 'yyyy-MM-dd HH:mm:ss.FFFFFFF', decimal TEXT, bool INTEGER, enums by name), so
/// EF, the reports and <see cref="JournalVerifier"/> read them back like posted rows.
/// </summary>
internal abstract class BulkJournalWriter : IDisposable
{
    protected const string EntryColumns = "id, company_id, fiscal_year, period, date, number, kind, description, reversal_of, source, source_key, posted_at, posted_by, posted_by_name, chain_sequence, previous_hash, hash, total_amount, version";
    protected const string LineColumns = "entry_id, line_no, entry_number, company_id, fiscal_year, period, date, account_id, sub_account_id, department_id, partner_id, debit, credit, tax_code, tax_rate, tax_amount, is_tax_line, description";

    public static BulkJournalWriter Create(UrakataDbContext db)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk journal rows are written inside the import's transaction.");
        return db.IsPostgres
            ? new PostgresWriter((NpgsqlConnection)db.Database.GetDbConnection())
            : new SqliteWriter((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction);
    }

    /// <summary>Writes the entries (sealed, in chain order), then their lines.</summary>
    public abstract Task WriteAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct);

    /// <summary>An entry's values in <see cref="EntryColumns"/> order.</summary>
    protected static object?[] EntryValues(JournalEntry e) =>
    [
        e.Id, e.CompanyId, e.FiscalYear, e.Period, e.Date, e.Number, e.Kind.ToString(), e.Description, e.ReversalOf, e.Source, e.SourceKey, e.PostedAt,
        e.PostedBy, e.PostedByName, e.ChainSequence, e.PreviousHash, e.Hash, e.TotalAmount, e.Version,
    ];

    /// <summary>A line's values in <see cref="LineColumns"/> order.</summary>
    protected static object?[] LineValues(JournalLine l) =>
    [
        l.EntryId, l.LineNo, l.EntryNumber, l.CompanyId, l.FiscalYear, l.Period, l.Date, l.AccountId, l.SubAccountId, l.DepartmentId, l.PartnerId,
        l.Debit, l.Credit, l.TaxCode, l.TaxRate, l.TaxAmount, l.IsTaxLine, l.Description,
    ];

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private sealed class PostgresWriter(NpgsqlConnection connection) : BulkJournalWriter
    {
        /// <summary>Up to this many entries go in as two INSERTs sent together: one round trip where two COPYs take four.</summary>
        private const int InsertUpTo = 40;

        private static readonly NpgsqlDbType[] EntryTypes =
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Date, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar,
            NpgsqlDbType.Varchar, NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Uuid,
            NpgsqlDbType.Varchar, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Bigint, NpgsqlDbType.Integer,
        ];

        private static readonly NpgsqlDbType[] LineTypes =
        [
            NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Date,
            NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar,
            NpgsqlDbType.Numeric, NpgsqlDbType.Bigint, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar,
        ];

        public override async Task WriteAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
        {
            if (entries.Count <= InsertUpTo)
            {
                await using var batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(Insert("acc_journal_entries", EntryColumns, EntryTypes, entries.Select(EntryValues)));
                batch.BatchCommands.Add(Insert("acc_journal_lines", LineColumns, LineTypes, entries.SelectMany(e => e.Lines).Select(LineValues)));
                await batch.ExecuteNonQueryAsync(ct);
                return;
            }
            // One COPY at a time per connection: the entries first (the lines reference them), then the lines.
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY acc_journal_entries ({EntryColumns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var e in entries)
                {
                    copy.StartRow();
                    copy.Write(e.Id, NpgsqlDbType.Uuid);
                    copy.Write(e.CompanyId, NpgsqlDbType.Uuid);
                    copy.Write(e.FiscalYear, NpgsqlDbType.Integer);
                    copy.Write(e.Period, NpgsqlDbType.Integer);
                    copy.Write(e.Date, NpgsqlDbType.Date);
                    copy.Write(e.Number, NpgsqlDbType.Bigint);
                    copy.Write(e.Kind.ToString(), NpgsqlDbType.Varchar);
                    copy.Write(e.Description, NpgsqlDbType.Varchar);
                    WriteNullable(copy, e.ReversalOf);
                    copy.Write(e.Source, NpgsqlDbType.Varchar);
                    WriteNullable(copy, e.SourceKey);
                    copy.Write(e.PostedAt, NpgsqlDbType.TimestampTz);
                    WriteNullable(copy, e.PostedBy);
                    copy.Write(e.PostedByName, NpgsqlDbType.Varchar);
                    copy.Write(e.ChainSequence, NpgsqlDbType.Bigint);
                    copy.Write(e.PreviousHash, NpgsqlDbType.Varchar);
                    copy.Write(e.Hash, NpgsqlDbType.Varchar);
                    copy.Write(e.TotalAmount, NpgsqlDbType.Bigint);
                    copy.Write(e.Version, NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync(ct);
            }
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY acc_journal_lines ({LineColumns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var l in entries.SelectMany(e => e.Lines))
                {
                    copy.StartRow();
                    copy.Write(l.EntryId, NpgsqlDbType.Uuid);
                    copy.Write(l.LineNo, NpgsqlDbType.Integer);
                    copy.Write(l.EntryNumber, NpgsqlDbType.Bigint);
                    copy.Write(l.CompanyId, NpgsqlDbType.Uuid);
                    copy.Write(l.FiscalYear, NpgsqlDbType.Integer);
                    copy.Write(l.Period, NpgsqlDbType.Integer);
                    copy.Write(l.Date, NpgsqlDbType.Date);
                    copy.Write(l.AccountId, NpgsqlDbType.Uuid);
                    WriteNullable(copy, l.SubAccountId);
                    WriteNullable(copy, l.DepartmentId);
                    WriteNullable(copy, l.PartnerId);
                    copy.Write(l.Debit, NpgsqlDbType.Bigint);
                    copy.Write(l.Credit, NpgsqlDbType.Bigint);
                    WriteNullable(copy, l.TaxCode);
                    WriteNullable(copy, l.TaxRate, NpgsqlDbType.Numeric);
                    copy.Write(l.TaxAmount, NpgsqlDbType.Bigint);
                    copy.Write(l.IsTaxLine, NpgsqlDbType.Boolean);
                    copy.Write(l.Description, NpgsqlDbType.Varchar);
                }
                await copy.CompleteAsync(ct);
            }
        }

        /// <summary>One multi-row INSERT with positional parameters ($1, $2…).</summary>
        private static NpgsqlBatchCommand Insert(string table, string columns, NpgsqlDbType[] types, IEnumerable<object?[]> rows)
        {
            var command = new NpgsqlBatchCommand();
            var sql = new System.Text.StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
            foreach (var row in rows)
            {
                sql.Append(command.Parameters.Count == 0 ? "(" : ", (");
                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = types[i], Value = row[i] ?? DBNull.Value });
                    sql.Append(i == 0 ? "$" : ", $").Append(command.Parameters.Count);
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            return command;
        }

        private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type = NpgsqlDbType.Uuid) where T : struct
        {
            if (value is { } v)
            {
                copy.Write(v, type);
            }
            else
            {
                copy.WriteNull();
            }
        }

        private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
        {
            if (value is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(value, NpgsqlDbType.Varchar);
            }
        }
    }

    private sealed class SqliteWriter : BulkJournalWriter
    {
        private readonly SqliteCommand _entry;
        private readonly SqliteCommand _line;

        public SqliteWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            _entry = Prepare(connection, transaction, "acc_journal_entries", EntryColumns,
            [
                SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Text, SqliteType.Text,
                SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Text,
                SqliteType.Text, SqliteType.Integer, SqliteType.Integer,
            ]);
            _line = Prepare(connection, transaction, "acc_journal_lines", LineColumns,
            [
                SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text,
                SqliteType.Text, SqliteType.Text, SqliteType.Text, SqliteType.Integer, SqliteType.Integer, SqliteType.Text, SqliteType.Text, SqliteType.Integer,
                SqliteType.Integer, SqliteType.Text,
            ]);
        }

        /// <summary>
        /// One INSERT with a parameter per column. Microsoft.Data.Sqlite formats the values as EF does once the column's
        /// type is given: a Guid bound as <see cref="SqliteType.Text"/> is stored upper-case (the default would be a BLOB).
        /// </summary>
        private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string columns, SqliteType[] types)
        {
            var names = columns.Split(", ");
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
            for (var i = 0; i < names.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@" + names[i], types[i]));
            }
            command.Prepare();
            return command;
        }

        public override Task WriteAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
        {
            foreach (var e in entries)
            {
                ct.ThrowIfCancellationRequested();
                Execute(_entry, EntryValues(e));
                foreach (var l in e.Lines)
                {
                    Execute(_line, LineValues(l));
                }
            }
            return Task.CompletedTask;
        }

        private static void Execute(SqliteCommand command, object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }

        public override void Dispose()
        {
            _entry.Dispose();
            _line.Dispose();
            base.Dispose();
        }
    }
}
