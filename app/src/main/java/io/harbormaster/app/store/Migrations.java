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
            """);

    private Migrations() {
    }
}
