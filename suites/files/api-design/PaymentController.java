package com.acme.payments.api;

import com.acme.payments.api.dto.CreatePaymentRequest;
import com.acme.payments.api.dto.PaymentResponse;
import com.acme.payments.auth.Merchant;
import com.acme.payments.domain.Payment;
import com.acme.payments.domain.PaymentRepository;
import com.acme.payments.domain.PaymentService;
import com.acme.payments.idempotency.IdempotencyRecord;
import com.acme.payments.idempotency.IdempotencyRepository;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/payments")
public class PaymentController {

    private final PaymentService paymentService;
    private final PaymentRepository paymentRepository;
    private final IdempotencyRepository idempotencyRepository;

    public PaymentController(PaymentService paymentService,
                             PaymentRepository paymentRepository,
                             IdempotencyRepository idempotencyRepository) {
        this.paymentService = paymentService;
        this.paymentRepository = paymentRepository;
        this.idempotencyRepository = idempotencyRepository;
    }

    @PostMapping
    public ResponseEntity<PaymentResponse> create(
            @AuthenticationPrincipal Merchant merchant,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {

        if (idempotencyKey != null) {
            Optional<IdempotencyRecord> existing = idempotencyRepository.findById(idempotencyKey);
            if (existing.isPresent()) {
                Payment previous = paymentRepository.findById(existing.get().getPaymentId())
                        .orElseThrow();
                return ResponseEntity.ok(PaymentResponse.from(previous));
            }
        }

        // Authorises with Adyen and captures; throws PaymentDeclinedException (mapped to 402)
        Payment payment = paymentService.authorizeAndCapture(merchant, request);

        if (idempotencyKey != null) {
            idempotencyRepository.save(
                    new IdempotencyRecord(idempotencyKey, payment.getId(), Instant.now()));
        }

        return ResponseEntity.status(HttpStatus.CREATED).body(PaymentResponse.from(payment));
    }

    @GetMapping("/{id}")
    public ResponseEntity<PaymentResponse> get(@AuthenticationPrincipal Merchant merchant,
                                               @PathVariable String id) {
        return paymentRepository.findByIdAndMerchantId(id, merchant.getId())
                .map(p -> ResponseEntity.ok(PaymentResponse.from(p)))
                .orElse(ResponseEntity.notFound().build());
    }
}
