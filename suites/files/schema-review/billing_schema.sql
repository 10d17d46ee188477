-- billing service schema (MySQL 8.0, InnoDB)
-- extracted from the monolith: db/billing/schema.sql

CREATE TABLE customers (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  external_ref      VARCHAR(64)     NOT NULL,
  legal_name        VARCHAR(255)    NOT NULL,
  billing_email     VARCHAR(320)    NOT NULL,
  country_code      CHAR(2)         NOT NULL,
  default_currency  CHAR(3)         NOT NULL DEFAULT 'USD',
  credit_balance    DOUBLE          NOT NULL DEFAULT 0,
  created_at        DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uq_customers_external_ref (external_ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE invoices (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_id   BIGINT UNSIGNED NOT NULL,
  number        VARCHAR(32)     NOT NULL,
  currency      CHAR(3)         NOT NULL,
  subtotal      DOUBLE          NOT NULL,
  tax_rate      DOUBLE          NOT NULL DEFAULT 0,
  tax_amount    DOUBLE          NOT NULL DEFAULT 0,
  total         DOUBLE          NOT NULL,
  status        ENUM('draft','open','paid','void','uncollectible') NOT NULL DEFAULT 'draft',
  issued_at     DATETIME(3)     NULL,
  due_at        DATETIME(3)     NULL,
  created_at    DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uq_invoices_number (number),
  KEY idx_invoices_customer_created (customer_id, created_at),
  KEY idx_invoices_status_due (status, due_at),
  CONSTRAINT fk_invoices_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE invoice_lines (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  invoice_id    BIGINT UNSIGNED NOT NULL,
  position      SMALLINT UNSIGNED NOT NULL,
  description   VARCHAR(500)    NOT NULL,
  quantity      INT             NOT NULL DEFAULT 1,
  unit_price    DOUBLE          NOT NULL,
  discount_pct  FLOAT           NOT NULL DEFAULT 0,
  line_total    DOUBLE          NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_invoice_lines_position (invoice_id, position),
  CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE payments (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  invoice_id          BIGINT UNSIGNED NOT NULL,
  provider            VARCHAR(32)     NOT NULL,
  provider_charge_id  VARCHAR(64)     NOT NULL,
  currency            CHAR(3)         NOT NULL,
  amount              DOUBLE          NOT NULL,
  fee_amount          DOUBLE          NOT NULL DEFAULT 0,
  status              ENUM('pending','succeeded','failed') NOT NULL,
  captured_at         DATETIME(3)     NULL,
  created_at          DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uq_payments_provider_charge (provider, provider_charge_id),
  KEY idx_payments_captured (captured_at),
  CONSTRAINT fk_payments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE refunds (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  payment_id          BIGINT UNSIGNED NOT NULL,
  provider_refund_id  VARCHAR(64)     NOT NULL,
  amount              FLOAT           NOT NULL,
  reason              VARCHAR(255)    NULL,
  status              ENUM('pending','succeeded','failed') NOT NULL,
  created_at          DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uq_refunds_provider_refund (provider_refund_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
