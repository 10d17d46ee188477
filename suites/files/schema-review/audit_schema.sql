-- audit database, PostgreSQL 15 (primary + 2 streaming replicas)
-- written synchronously by the API (AuditWriter) inside the request transaction

CREATE TABLE audit_events (
    id           serial      PRIMARY KEY,
    account_id   integer     NOT NULL,
    actor_id     integer,
    actor_type   text        NOT NULL,
    action       text        NOT NULL,
    target_type  text        NOT NULL,
    target_id    text        NOT NULL,
    payload      jsonb       NOT NULL DEFAULT '{}',
    ip           inet,
    user_agent   text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_account_created_idx ON audit_events (account_id, created_at DESC);
CREATE INDEX audit_events_target_idx          ON audit_events (target_type, target_id);
CREATE INDEX audit_events_created_at_idx      ON audit_events (created_at);

CREATE TABLE audit_event_attachments (
    id              serial      PRIMARY KEY,
    audit_event_id  integer     NOT NULL REFERENCES audit_events (id) ON DELETE CASCADE,
    storage_key     text        NOT NULL,
    content_type    text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_event_attachments_event_idx ON audit_event_attachments (audit_event_id);

-- retention job, nightly 03:00 UTC
-- DELETE FROM audit_events WHERE created_at < now() - interval '120 days';
