// portal-api/src/main/java/com/acme/portal/orders/OrderHistoryService.java
package com.acme.portal.orders;

import java.math.BigDecimal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.portal.orders.api.OrderSummaryDto;

import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor
public class OrderHistoryService {

    private final PurchaseOrderRepository orderRepository;

    @Transactional(readOnly = true)
    public Page<OrderSummaryDto> listOrders(long customerId, Pageable pageable) {
        Page<PurchaseOrder> page =
                orderRepository.findByCustomerIdOrderByPlacedAtDesc(customerId, pageable);
        return page.map(this::toSummary);
    }

    private OrderSummaryDto toSummary(PurchaseOrder order) {
        BigDecimal total = order.getLines().stream()
                .map(line -> line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        return new OrderSummaryDto(
                order.getId(),
                order.getOrderNumber(),
                order.getPlacedAt(),
                order.getStatus().name(),
                order.getShippingAddress().getCity(),
                order.getPlacedBy().getDisplayName(),
                order.getLines().size(),
                total);
    }
}

// portal-api/src/main/java/com/acme/portal/orders/PurchaseOrderRepository.java
package com.acme.portal.orders;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    Page<PurchaseOrder> findByCustomerIdOrderByPlacedAtDesc(long customerId, Pageable pageable);
}

// portal-api/src/main/java/com/acme/portal/orders/web/CustomerOrdersController.java
package com.acme.portal.orders.web;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.acme.portal.orders.OrderHistoryService;
import com.acme.portal.orders.api.OrderSummaryDto;

import lombok.RequiredArgsConstructor;

@RestController
@RequiredArgsConstructor
public class CustomerOrdersController {

    private final OrderHistoryService orderHistoryService;

    @GetMapping("/api/customers/{customerId}/orders")
    public Page<OrderSummaryDto> list(@PathVariable long customerId,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return orderHistoryService.listOrders(customerId, PageRequest.of(page, Math.min(size, 100)));
    }
}
