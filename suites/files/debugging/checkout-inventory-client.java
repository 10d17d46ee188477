// checkout-service/src/main/java/com/acme/checkout/inventory/InventoryClient.java
package com.acme.checkout.inventory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import lombok.extern.slf4j.Slf4j;

@Component
@Slf4j
public class InventoryClient {

    private static final int MAX_ATTEMPTS = 4;

    private final RestClient restClient;

    public InventoryClient(RestClient.Builder builder, InventoryProperties props) {
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(200))
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(Duration.ofMillis(500));
        this.restClient = builder
                .baseUrl(props.baseUrl())          // http://inventory-service.inventory.svc:8080
                .requestFactory(requestFactory)
                .build();
    }

    public StockLevels stockFor(List<String> skus) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return restClient.post()
                        .uri("/internal/stock/lookup")
                        .body(new StockLookupRequest(skus))
                        .retrieve()
                        .body(StockLevels.class);
            } catch (HttpServerErrorException | ResourceAccessException e) {
                last = e;
                log.warn("inventory stock lookup failed (attempt {}/{}): {}", attempt, MAX_ATTEMPTS, e.getMessage());
            }
        }
        throw new InventoryUnavailableException("stock lookup failed after " + MAX_ATTEMPTS + " attempts", last);
    }

    public ReservationResult reserve(ReservationRequest request) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return restClient.post()
                        .uri("/internal/reservations")
                        .body(request)
                        .retrieve()
                        .body(ReservationResult.class);
            } catch (HttpServerErrorException | ResourceAccessException e) {
                last = e;
                log.warn("inventory reserve failed (attempt {}/{}): {}", attempt, MAX_ATTEMPTS, e.getMessage());
            }
        }
        throw new InventoryUnavailableException("reserve failed after " + MAX_ATTEMPTS + " attempts", last);
    }
}

// Callers (CartController.view, CheckoutController.start, CheckoutController.confirm) call stockFor(...)
// and/or reserve(...) synchronously on the Tomcat request thread (server.tomcat.threads.max=200).
// InventoryUnavailableException is mapped to HTTP 503 by ApiExceptionHandler.
// checkout-service: 12 pods. inventory-service: 8 pods, Tomcat max threads 200, accept-count 100.
