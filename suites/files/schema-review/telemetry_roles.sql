-- infra/db/roles.sql (applied by terraform, postgresql provider)

CREATE ROLE ingest_eu LOGIN;
CREATE ROLE ingest_us LOGIN;
CREATE ROLE rollup    LOGIN;
CREATE ROLE reporting LOGIN;

ALTER ROLE ingest_eu SET timezone = 'Europe/Dublin';
ALTER ROLE ingest_us SET timezone = 'America/New_York';
ALTER ROLE rollup    SET timezone = 'UTC';
ALTER ROLE reporting SET timezone = 'UTC';

ALTER ROLE ingest_eu SET statement_timeout = '5s';
ALTER ROLE ingest_us SET statement_timeout = '5s';

GRANT SELECT, INSERT ON readings TO ingest_eu, ingest_us;
GRANT SELECT ON sites, devices TO ingest_eu, ingest_us;
GRANT SELECT ON readings, sites, devices TO rollup, reporting;
GRANT SELECT, INSERT, UPDATE ON daily_site_usage TO rollup;
GRANT SELECT ON daily_site_usage TO reporting;
