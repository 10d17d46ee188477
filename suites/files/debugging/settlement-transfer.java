// ledger-settlement/src/main/java/com/acme/ledger/settlement/SettlementJob.java
package com.acme.ledger.settlement;

@Component
@RequiredArgsConstructor
@Slf4j
public class SettlementJob {

    private final SettlementInstructionRepository instructions;
    private final LedgerTransferService transfers;
    private final ExecutorService settlementExecutor; // Executors.newFixedThreadPool(8), threads named settle-worker-N

    @Scheduled(cron = "0 0 1 * * *", zone = "UTC")
    public void run() throws InterruptedException {
        LocalDate businessDate = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<SettlementInstruction> pending = instructions.findPending(businessDate); // ORDER BY created_at, id
        log.info("settlement run {} starting: {} pending instructions, workers={}",
                businessDate, pending.size(), SettlementConfig.WORKERS);

        AtomicInteger applied = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(pending.size());
        for (SettlementInstruction instruction : pending) {
            settlementExecutor.submit(() -> {
                try {
                    if (apply(instruction)) applied.incrementAndGet(); else failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        log.info("settlement run {} finished: applied={} failed={}", businessDate, applied.get(), failed.get());
    }

    private boolean apply(SettlementInstruction i) {
        log.info("applying {} type={} from={} to={} amount={} {}",
                i.reference(), i.type(), i.fromAccountId(), i.toAccountId(), i.amountMinor(), i.currency());
        try {
            transfers.transfer(i.fromAccountId(), i.toAccountId(), i.amountMinor(), i.currency(), i.reference());
            instructions.markApplied(i.id());
            log.info("applied {}", i.reference());
            return true;
        } catch (DataAccessException e) {
            log.error("instruction {} failed", i.reference(), e);
            instructions.markFailed(i.id(), e.getMostSpecificCause().getMessage());
            return false;
        }
    }
}

// ledger-settlement/src/main/java/com/acme/ledger/transfer/LedgerTransferService.java
package com.acme.ledger.transfer;

@Service
@RequiredArgsConstructor
public class LedgerTransferService {

    private final JdbcTemplate jdbc;

    @Transactional
    public void transfer(long fromAccountId, long toAccountId, long amountMinor, String currency, String reference) {
        Long txnId = jdbc.queryForObject(
                "INSERT INTO ledger_txn (reference, currency, amount_minor, created_at) VALUES (?, ?, ?, now()) RETURNING id",
                Long.class, reference, currency, amountMinor);

        int debited = jdbc.update(
                "UPDATE ledger_account SET balance_minor = balance_minor - ?, updated_at = now() WHERE id = ? AND currency = ?",
                amountMinor, fromAccountId, currency);
        if (debited != 1) {
            throw new AccountNotFoundException(fromAccountId, currency);
        }
        jdbc.update("INSERT INTO ledger_entry (txn_id, account_id, direction, amount_minor) VALUES (?, ?, 'D', ?)",
                txnId, fromAccountId, amountMinor);

        int credited = jdbc.update(
                "UPDATE ledger_account SET balance_minor = balance_minor + ?, updated_at = now() WHERE id = ? AND currency = ?",
                amountMinor, toAccountId, currency);
        if (credited != 1) {
            throw new AccountNotFoundException(toAccountId, currency);
        }
        jdbc.update("INSERT INTO ledger_entry (txn_id, account_id, direction, amount_minor) VALUES (?, ?, 'C', ?)",
                txnId, toAccountId, amountMinor);
    }
}

// Instruction types produced by the billing export for each merchant and business day:
//   PAYOUT               merchant settlement account -> 2 (payout clearing)
//   FEE_COLLECTION       merchant settlement account -> 1 (platform fees)
//   FEE_REBATE           1 (platform fees)           -> merchant settlement account
//   CHARGEBACK           merchant settlement account -> 3 (chargeback reserve)
//   CHARGEBACK_REVERSAL  3 (chargeback reserve)      -> merchant settlement account
// Schema: ledger_account(id bigint PRIMARY KEY, merchant_id bigint, currency char(3), balance_minor bigint, updated_at timestamptz)
