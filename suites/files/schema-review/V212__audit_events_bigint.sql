-- V212__audit_events_bigint.sql
-- Widen audit_events.id (and the referencing column) to bigint.

ALTER TABLE audit_event_attachments
    DROP CONSTRAINT audit_event_attachments_audit_event_id_fkey;

ALTER TABLE audit_events
    ALTER COLUMN id TYPE bigint;

ALTER SEQUENCE audit_events_id_seq AS bigint;

ALTER TABLE audit_event_attachments
    ALTER COLUMN audit_event_id TYPE bigint;

ALTER TABLE audit_event_attachments
    ADD CONSTRAINT audit_event_attachments_audit_event_id_fkey
    FOREIGN KEY (audit_event_id) REFERENCES audit_events (id) ON DELETE CASCADE;
