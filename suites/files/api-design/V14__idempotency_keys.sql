CREATE TABLE idempotency_keys (
    idempotency_key  varchar(255) PRIMARY KEY,
    payment_id       varchar(32)  NOT NULL REFERENCES payments (id),
    created_at       timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- nightly job (PurgeIdempotencyKeysJob) runs:
--   DELETE FROM idempotency_keys WHERE created_at < now() - interval '30 days';
