-- ingest-worker: one statement per reading in a batch
-- $1 device_id, $2 site_id, $3 payload "ts" (ISO-8601 string as sent by the device),
-- $4 kwh, $5 peak_kw, $6 region of the worker ('eu-west-1' | 'us-east-1')
INSERT INTO readings (device_id, site_id, recorded_at, ingest_region, kwh, peak_kw)
VALUES ($1, $2, $3::timestamp, $6, $4, $5)
ON CONFLICT (device_id, recorded_at) DO NOTHING;


-- rollup-job: runs hourly as role "rollup", recomputes yesterday and today
-- $1 = the day being computed
INSERT INTO daily_site_usage (site_id, day, kwh, peak_kw, reading_count)
SELECT r.site_id,
       r.recorded_at::date AS day,
       sum(r.kwh),
       max(r.peak_kw),
       count(*)
FROM readings r
WHERE r.recorded_at >= $1::date
  AND r.recorded_at <  $1::date + 1
GROUP BY r.site_id, r.recorded_at::date
ON CONFLICT (site_id, day) DO UPDATE
    SET kwh           = EXCLUDED.kwh,
        peak_kw       = EXCLUDED.peak_kw,
        reading_count = EXCLUDED.reading_count,
        computed_at   = now();


-- support dashboard: "is this site reporting?"
SELECT s.id, s.name, max(r.received_at) AS last_seen,
       now() - max(r.received_at)     AS lag
FROM sites s
JOIN readings r ON r.site_id = s.id
WHERE r.recorded_at > now() - interval '2 hours'
GROUP BY s.id, s.name
HAVING now() - max(r.received_at) > interval '30 minutes';
