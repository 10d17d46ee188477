// metering-service/src/main/java/com/acme/metering/ingest/UsageIngestService.java
package com.acme.metering.ingest;

@Service
@RequiredArgsConstructor
public class UsageIngestService {

    private final JdbcTemplate jdbc;

    /** Called by POST /v1/usage (batches of up to 500 events from the tenant SDKs). */
    public void record(UsageEventDto dto) {
        // dto.occurredAt() is ISO-8601 from the SDK, e.g. "2025-03-09T06:41:12.083Z"
        LocalDateTime occurredAt = OffsetDateTime.parse(dto.occurredAt())
                .atZoneSameInstant(ZoneId.systemDefault())
                .toLocalDateTime();
        jdbc.update(
                "INSERT INTO usage_event (event_id, tenant_id, meter, units, occurred_at) VALUES (?, ?, ?, ?, ?)",
                dto.eventId(), dto.tenantId(), dto.meter(), dto.units(), occurredAt);
    }
}

// metering-service/src/main/java/com/acme/metering/rollup/UsageRollupJob.java
package com.acme.metering.rollup;

@Component
@RequiredArgsConstructor
@Slf4j
public class UsageRollupJob {

    private final JdbcTemplate jdbc;
    private final Clock clock;   // @Bean Clock clock() { return Clock.systemDefaultZone(); }

    @Scheduled(cron = "0 5 * * * *", zone = "UTC")
    @SchedulerLock(name = "usage-rollup", lockAtMostFor = "PT50M")
    @Transactional
    public void rollUpPreviousHour() {
        LocalDateTime hourEnd = LocalDateTime.now(clock).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime hourStart = hourEnd.minusHours(1);
        log.info("rolling up usage window [{}, {})", hourStart, hourEnd);

        int buckets = jdbc.update("""
                INSERT INTO usage_hourly (tenant_id, meter, hour_start, units, event_count)
                SELECT tenant_id, meter, ?, sum(units), count(*)
                FROM usage_event
                WHERE occurred_at >= ? AND occurred_at < ?
                GROUP BY tenant_id, meter
                """, hourStart, hourStart, hourEnd);

        log.info("rolled up {} tenant/meter buckets for [{}, {})", buckets, hourStart, hourEnd);
    }
}

// metering-service/src/main/java/com/acme/metering/invoice/UsageTotals.java (excerpt)
// Invoices are computed from usage_hourly only:
//   SELECT meter, sum(units) FROM usage_hourly
//   WHERE tenant_id = ? AND hour_start >= ? AND hour_start < ?      -- billing period start/end as LocalDateTime
//   GROUP BY meter
