// portal-api/src/main/java/com/acme/portal/orders/PurchaseOrder.java
package com.acme.portal.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.acme.portal.customers.Address;
import com.acme.portal.users.AppUser;

import jakarta.persistence.*;
import lombok.Getter;

@Entity
@Table(name = "purchase_order")
@Getter
public class PurchaseOrder {

    @Id
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "order_number", nullable = false, unique = true)
    private String orderNumber;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shipping_address_id")
    private Address shippingAddress;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "placed_by_user_id")
    private AppUser placedBy;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();
}

// portal-api/src/main/java/com/acme/portal/orders/OrderLine.java
@Entity
@Table(name = "order_line")
@Getter
public class OrderLine {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @Column(name = "product_sku", nullable = false)
    private String productSku;

    @Column(name = "product_name", nullable = false)
    private String productName;

    private int quantity;

    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    private BigDecimal unitPrice;
}

// portal-api/src/main/java/com/acme/portal/customers/Address.java
@Entity
@Table(name = "address")
@Getter
public class Address {
    @Id
    private Long id;
    private String line1;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    @Column(name = "country_code")
    private String countryCode;
}

// portal-api/src/main/java/com/acme/portal/users/AppUser.java
@Entity
@Table(name = "app_user")
@Getter
public class AppUser {
    @Id
    private Long id;
    private String email;
    @Column(name = "display_name")
    private String displayName;
}

// Indexes (from V41__order_history_indexes.sql):
//   purchase_order (customer_id, placed_at DESC)
//   order_line (order_id)
