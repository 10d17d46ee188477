-- metering-service: src/main/resources/db/migration/V1__usage.sql and V7__usage_hourly.sql (PostgreSQL 15)

CREATE TABLE usage_event (
    event_id     uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    meter        text        NOT NULL,
    units        bigint      NOT NULL CHECK (units >= 0),
    occurred_at  timestamp   NOT NULL,
    received_at  timestamp   NOT NULL DEFAULT now()
);

CREATE INDEX usage_event_occurred_at_idx ON usage_event (occurred_at);
CREATE INDEX usage_event_tenant_meter_idx ON usage_event (tenant_id, meter, occurred_at);

CREATE TABLE usage_hourly (
    tenant_id    text        NOT NULL,
    meter        text        NOT NULL,
    hour_start   timestamp   NOT NULL,
    units        bigint      NOT NULL,
    event_count  bigint      NOT NULL,
    PRIMARY KEY (tenant_id, meter, hour_start)
);

-- usage_event: ~31 M rows/day, partitioned by month since V12 (omitted here).
