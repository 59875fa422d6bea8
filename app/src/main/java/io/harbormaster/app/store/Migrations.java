package io.harbormaster.app.store;

import java.util.List;

/**
 * The schema, as an append-only list of steps; {@code PRAGMA user_version} records how many have run. Never edit a
 * step that has shipped: add a new one. No table ever holds a secret (keys, session tokens, MFA codes).
 */
final class Migrations {

    static final List<String> STEPS = List.of(
            // 1: the environment registry and small UI state
            """
            CREATE TABLE environment (
                id            TEXT PRIMARY KEY,
                display_name  TEXT NOT NULL,
                profile_name  TEXT NOT NULL,
                login_profile TEXT NOT NULL DEFAULT '',
                account_id    TEXT NOT NULL DEFAULT '',
                role_arn      TEXT NOT NULL DEFAULT '',
                regions       TEXT NOT NULL,
                colour        TEXT NOT NULL,
                production    INTEGER NOT NULL DEFAULT 0,
                read_only     INTEGER NOT NULL DEFAULT 0,
                sort_order    INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE ui_state (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """,
            // 2: the metric history cache. A series is (environment, region, metric, statistic, period); its points are
            //    keyed (series, ts), so the long metric text is stored once per series rather than once per point.
            """
            CREATE TABLE metric_series (
                id          INTEGER PRIMARY KEY,
                environment TEXT    NOT NULL,
                region      TEXT    NOT NULL,
                metric      TEXT    NOT NULL,
                statistic   TEXT    NOT NULL,
                period      INTEGER NOT NULL,
                UNIQUE (environment, region, metric, statistic, period)
            );
            CREATE TABLE metric_point (
                series INTEGER NOT NULL REFERENCES metric_series (id),
                ts     INTEGER NOT NULL,
                value  REAL    NOT NULL,
                PRIMARY KEY (series, ts)
            ) WITHOUT ROWID;
            """,
            // 3: warning and critical levels an operator set, per environment, scope (service or fleet) and metric
            """
            CREATE TABLE threshold_setting (
                environment     TEXT    NOT NULL,
                scope           TEXT    NOT NULL,
                metric          TEXT    NOT NULL,
                warning         REAL    NOT NULL,
                critical        REAL    NOT NULL,
                higher_is_worse INTEGER NOT NULL,
                PRIMARY KEY (environment, scope, metric)
            ) WITHOUT ROWID;
            """,
            // 4: the last fleet seen per environment and region, shown at once while the current one loads. The
            //    snapshot is gzipped JSON in the given format (see ArchivedFleet): no hosts or tasks, and environment
            //    variable values masked where the name looks secret. as_of and saved_at are ISO-8601 instants, which
            //    keep every digit. A rowid table, as SQLite advises for large rows.
            """
            CREATE TABLE fleet_archive (
                environment TEXT    NOT NULL,
                region      TEXT    NOT NULL,
                as_of       TEXT    NOT NULL,
                saved_at    TEXT    NOT NULL,
                format      INTEGER NOT NULL,
                snapshot    BLOB    NOT NULL,
                PRIMARY KEY (environment, region)
            );
            """,
            // 5: the write journal and audit log (model.journal.WriteJournal): append-only, one row per line, an INTENT
            //    before every AWS write and its outcome after. facts is a JSON object of short strings, never a
            //    secret. at is an ISO-8601 instant.
            """
            CREATE TABLE journal (
                seq            INTEGER PRIMARY KEY AUTOINCREMENT,
                at             TEXT    NOT NULL,
                operation_id   TEXT    NOT NULL,
                kind           TEXT    NOT NULL,
                phase          TEXT    NOT NULL,
                environment    TEXT    NOT NULL,
                resource       TEXT    NOT NULL,
                actor          TEXT    NOT NULL,
                summary        TEXT    NOT NULL,
                aws_request_id TEXT    NOT NULL,
                facts          TEXT    NOT NULL
            );
            CREATE INDEX journal_operation ON journal (operation_id, seq);
            CREATE INDEX journal_kind ON journal (kind, seq);
            """,
            // 6: prices (issue 16). list_price: AWS's on-demand hourly price of a type in a Region as the Price List
            //    API answered it, fetched an ISO-8601 date. effective_rate: an operator's rate for an environment and
            //    instance type, either of which may be '*' (any).
            """
            CREATE TABLE list_price (
                region        TEXT NOT NULL,
                instance_type TEXT NOT NULL,
                usd_per_hour  REAL NOT NULL,
                fetched       TEXT NOT NULL,
                PRIMARY KEY (region, instance_type)
            ) WITHOUT ROWID;
            CREATE TABLE effective_rate (
                environment   TEXT NOT NULL,
                instance_type TEXT NOT NULL,
                usd_per_hour  REAL NOT NULL,
                PRIMARY KEY (environment, instance_type)
            ) WITHOUT ROWID;
            """,
            // 7: journal lines not yet known to be in the team's audit log (model.journal.AuditBacklog). sent is 1
            //    once a PutLogEvents carrying the line went out without an answer known: the next try, in this run or
            //    the next, looks for it in the log before sending it again.
            """
            CREATE TABLE audit_backlog (
                seq  INTEGER PRIMARY KEY REFERENCES journal (seq),
                sent INTEGER NOT NULL DEFAULT 0
            );
            """);

    private Migrations() {
    }
}
