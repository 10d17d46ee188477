// checkout-api/src/main/java/com/acme/checkout/web/CheckoutController.java
package com.acme.checkout.web;

@RestController
@RequestMapping("/checkout")
@RequiredArgsConstructor
public class CheckoutController {

    private final CheckoutPaymentService checkoutPaymentService;

    @PostMapping("/{cartId}/pay")
    public ResponseEntity<CheckoutResponse> pay(@PathVariable UUID cartId,
                                                @Valid @RequestBody PayRequest request) {
        CheckoutResult result = checkoutPaymentService.pay(cartId, new PaymentMethodToken(request.paymentToken()));
        return ResponseEntity.status(result.isPaid() ? HttpStatus.CREATED : HttpStatus.PAYMENT_REQUIRED)
                .body(CheckoutResponse.from(result));
    }
}

// checkout-api/src/main/java/com/acme/checkout/payment/CheckoutPaymentService.java
package com.acme.checkout.payment;

@Service
@RequiredArgsConstructor
@Slf4j
public class CheckoutPaymentService {

    private final CartRepository cartRepository;
    private final OrderRepository orderRepository;
    private final PaymentAttemptRepository attemptRepository;
    private final InventoryReservationService reservations;
    private final PaylinkClient paylinkClient;

    @Transactional
    public CheckoutResult pay(UUID cartId, PaymentMethodToken token) {
        Cart cart = cartRepository.findByIdWithItems(cartId)
                .orElseThrow(() -> new CartNotFoundException(cartId));
        cart.assertCheckoutable();

        Order order = orderRepository.save(Order.pendingFrom(cart));
        PaymentAttempt attempt = attemptRepository.save(PaymentAttempt.start(order));
        reservations.hold(cart, order);

        AuthorizationResponse auth = paylinkClient.authorize(new AuthorizationRequest(
                attempt.getId().toString(),
                order.getTotal().amountMinor(),
                order.getTotal().currency(),
                token.value(),
                order.getNumber()));

        attempt.complete(auth.status(), auth.pspReference(), auth.refusalReason());
        if (auth.status() != AuthStatus.AUTHORISED) {
            order.markPaymentFailed(auth.refusalReason());
            reservations.release(order);
            log.info("checkout declined order={} reason={}", order.getNumber(), auth.refusalReason());
            return CheckoutResult.declined(order.getId(), auth.refusalReason());
        }

        order.markPaid(auth.pspReference());
        reservations.confirm(order);
        cart.close();
        log.info("checkout completed order={} psp={}", order.getNumber(), auth.pspReference());
        return CheckoutResult.paid(order.getId());
    }
}

// checkout-api/src/main/java/com/acme/checkout/payment/paylink/PaylinkClient.java
package com.acme.checkout.payment.paylink;

@Component
@Slf4j
public class PaylinkClient {

    private final RestClient restClient;

    public PaylinkClient(RestClient.Builder builder, PaylinkProperties props) {
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(Duration.ofSeconds(5));
        requestFactory.setReadTimeout(Duration.ofSeconds(60));
        this.restClient = builder
                .baseUrl(props.baseUrl())
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + props.apiKey())
                .build();
    }

    public AuthorizationResponse authorize(AuthorizationRequest request) {
        long started = System.nanoTime();
        try {
            return restClient.post()
                    .uri("/v2/authorizations")
                    .header("Idempotency-Key", request.merchantReference())
                    .body(request)
                    .retrieve()
                    .body(AuthorizationResponse.class);
        } finally {
            log.debug("paylink authorize ref={} took {} ms",
                    request.merchantReference(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}

// checkout-api/src/main/java/com/acme/checkout/inventory/InventoryReservationService.java (excerpt)
@Service
@RequiredArgsConstructor
public class InventoryReservationService {

    private final StockReservationRepository stockReservations;

    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(Cart cart, Order order) {
        cart.getItems().forEach(item ->
                stockReservations.save(StockReservation.hold(order.getId(), item.getSku(), item.getQuantity())));
    }

    // confirm(...) and release(...) update the same rows' status
}
