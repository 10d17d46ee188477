// wallet-service/src/main/java/com/acme/wallet/debit/WalletDebitService.java
package com.acme.wallet.debit;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

@Service
@RequiredArgsConstructor
@Slf4j
public class WalletDebitService {

    private final JdbcTemplate jdbc;

    @Transactional
    public DebitResult debit(UUID walletId, long amountCents, String merchantRef, String channel) {
        log.info("debit request wallet={} amount={} ref={} channel={}", walletId, amountCents, merchantRef, channel);

        WalletRow wallet = jdbc.queryForObject(
                "SELECT id, status, balance_cents, daily_spent_cents, daily_limit_cents FROM wallet WHERE id = ?",
                WalletRow.MAPPER, walletId);
        log.debug("loaded wallet={} status={} balance={} dailySpent={} dailyLimit={}",
                walletId, wallet.status(), wallet.balanceCents(), wallet.dailySpentCents(), wallet.dailyLimitCents());

        if (wallet.status() != WalletStatus.ACTIVE) {
            return DebitResult.rejected(DebitResult.Reason.WALLET_NOT_ACTIVE);
        }
        if (wallet.balanceCents() < amountCents) {
            log.info("debit declined wallet={} balance={} amount={} ref={}", walletId, wallet.balanceCents(), amountCents, merchantRef);
            return DebitResult.rejected(DebitResult.Reason.INSUFFICIENT_FUNDS);
        }
        if (wallet.dailySpentCents() + amountCents > wallet.dailyLimitCents()) {
            return DebitResult.rejected(DebitResult.Reason.DAILY_LIMIT_EXCEEDED);
        }

        jdbc.update(
                "UPDATE wallet SET balance_cents = balance_cents - ?, daily_spent_cents = ?, updated_at = now() WHERE id = ?",
                amountCents, wallet.dailySpentCents() + amountCents, walletId);

        UUID txnId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO wallet_txn (id, wallet_id, kind, amount_cents, merchant_ref, channel, created_at) "
                        + "VALUES (?, ?, 'DEBIT', ?, ?, ?, now())",
                txnId, walletId, amountCents, merchantRef, channel);

        log.info("debit ok wallet={} amount={} ref={} txn={}", walletId, amountCents, merchantRef, txnId);
        return DebitResult.ok(txnId);
    }
}

// Schema (PostgreSQL 15, default_transaction_isolation = 'read committed'):
//   wallet(id uuid PK, status text, balance_cents bigint NOT NULL, daily_spent_cents bigint NOT NULL,
//          daily_limit_cents bigint NOT NULL, updated_at timestamptz)
//   wallet_txn(id uuid PK, wallet_id uuid REFERENCES wallet, kind text, amount_cents bigint,
//              merchant_ref text, channel text, created_at timestamptz)
//   daily_spent_cents is reset to 0 by a job at 00:00 Europe/London.
//   Top-ups and refunds insert wallet_txn rows with kind 'TOPUP' / 'REFUND' and add to balance_cents.
