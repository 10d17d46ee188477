package com.acme.payments.service;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.payments.api.CreatePaymentRequest;
import com.acme.payments.domain.Payment;
import com.acme.payments.domain.PaymentRowMapper;
import com.acme.payments.psp.ChargeResult;
import com.acme.payments.psp.PspClient;
import com.acme.payments.psp.PspChargeRequest;

@Service
public class PaymentCreationService {

    private static final Logger log = LoggerFactory.getLogger(PaymentCreationService.class);

    private final JdbcTemplate jdbc;
    private final PspClient psp;          // HTTP client, connect 2s / read 30s
    private final IdGenerator ids;

    public PaymentCreationService(JdbcTemplate jdbc, PspClient psp, IdGenerator ids) {
        this.jdbc = jdbc;
        this.psp = psp;
        this.ids = ids;
    }

    public Optional<Payment> findByIdempotencyKey(String key) {
        return jdbc.query(
                "SELECT * FROM payments WHERE idempotency_key = ? ORDER BY created_at DESC LIMIT 1",
                new PaymentRowMapper(), key).stream().findFirst();
    }

    public Optional<Payment> findForMerchant(long merchantId, String id) {
        return jdbc.query(
                "SELECT * FROM payments WHERE id = ? AND merchant_id = ?",
                new PaymentRowMapper(), id, merchantId).stream().findFirst();
    }

    @Transactional
    public Payment createAndCharge(long merchantId, CreatePaymentRequest req, String idempotencyKey) {
        String paymentId = ids.next("pay");

        ChargeResult charge = psp.charge(new PspChargeRequest(
                paymentId, req.amount(), req.currency(), req.paymentMethodId(), req.description()));
        log.info("psp charge payment={} psp_ref={} status={} took_ms={}",
                paymentId, charge.reference(), charge.status(), charge.elapsedMillis());

        jdbc.update("""
                INSERT INTO payments (id, merchant_id, amount, currency, payment_method_id,
                                      description, status, psp_reference, idempotency_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                paymentId, merchantId, req.amount(), req.currency(), req.paymentMethodId(),
                req.description(), charge.status().name(), charge.reference(), idempotencyKey,
                Instant.now());

        return new Payment(paymentId, merchantId, req.amount(), req.currency(),
                charge.status(), charge.reference(), idempotencyKey);
    }
}
