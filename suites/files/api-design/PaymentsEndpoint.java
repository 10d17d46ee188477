package com.acme.payments.api;

import java.net.URI;
import java.util.Optional;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.*;

import com.acme.payments.auth.MerchantPrincipal;
import com.acme.payments.domain.Payment;
import com.acme.payments.service.PaymentCreationService;

@RestController
@RequestMapping("/v1/payments")
public class PaymentsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(PaymentsEndpoint.class);

    private final PaymentCreationService payments;

    public PaymentsEndpoint(PaymentCreationService payments) {
        this.payments = payments;
    }

    @PostMapping
    public ResponseEntity<PaymentResponse> create(
            @AuthenticationPrincipal MerchantPrincipal merchant,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {

        log.info("create payment merchant={} key={} amount={} currency={} source={}",
                merchant.merchantId(), idempotencyKey, request.amount(), request.currency(),
                request.paymentMethodId());

        if (idempotencyKey != null) {
            Optional<Payment> existing = payments.findByIdempotencyKey(idempotencyKey);
            if (existing.isPresent()) {
                log.info("idempotent replay key={} payment={}", idempotencyKey, existing.get().id());
                return ResponseEntity.ok(PaymentResponse.from(existing.get()));
            }
        }

        Payment payment = payments.createAndCharge(merchant.merchantId(), request, idempotencyKey);
        return ResponseEntity
                .created(URI.create("/v1/payments/" + payment.id()))
                .body(PaymentResponse.from(payment));
    }

    @GetMapping("/{id}")
    public ResponseEntity<PaymentResponse> get(
            @AuthenticationPrincipal MerchantPrincipal merchant,
            @PathVariable String id) {
        return payments.findForMerchant(merchant.merchantId(), id)
                .map(p -> ResponseEntity.ok(PaymentResponse.from(p)))
                .orElse(ResponseEntity.notFound().build());
    }
}
