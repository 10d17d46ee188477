-- telemetry database, PostgreSQL 15 (single primary, ingest from eu-west-1 and us-east-1)

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text      NOT NULL,
    created_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE sites (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint    NOT NULL REFERENCES customers (id),
    name         text      NOT NULL,
    timezone     text      NOT NULL,              -- IANA name, e.g. 'Australia/Sydney'
    country      char(2)   NOT NULL,
    created_at   timestamp NOT NULL DEFAULT now()
);

CREATE TABLE devices (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id       bigint    NOT NULL REFERENCES sites (id),
    serial        text      NOT NULL UNIQUE,
    kind          text      NOT NULL,
    firmware      text,
    installed_at  timestamp
);
CREATE INDEX devices_site_id_idx ON devices (site_id);

CREATE TABLE readings (
    device_id      bigint        NOT NULL,
    site_id        bigint        NOT NULL,
    recorded_at    timestamp     NOT NULL,
    received_at    timestamp     NOT NULL DEFAULT now(),
    ingest_region  text          NOT NULL,
    kwh            numeric(12,4) NOT NULL,
    peak_kw        numeric(10,3),
    PRIMARY KEY (device_id, recorded_at)
) PARTITION BY RANGE (recorded_at);

CREATE TABLE readings_2024_03 PARTITION OF readings FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
CREATE TABLE readings_2024_04 PARTITION OF readings FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');
CREATE TABLE readings_2024_05 PARTITION OF readings FOR VALUES FROM ('2024-05-01') TO ('2024-06-01');
CREATE TABLE readings_2024_06 PARTITION OF readings FOR VALUES FROM ('2024-06-01') TO ('2024-07-01');

CREATE INDEX readings_site_recorded_idx ON readings (site_id, recorded_at);

CREATE TABLE daily_site_usage (
    site_id        bigint        NOT NULL REFERENCES sites (id),
    day            date          NOT NULL,
    kwh            numeric(14,4) NOT NULL,
    peak_kw        numeric(10,3),
    reading_count  integer       NOT NULL,
    computed_at    timestamp     NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, day)
);
