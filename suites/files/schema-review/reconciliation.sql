-- nightly job: billing-recon (runs 02:30 UTC), flags invoices whose
-- captured payments minus refunds don't match the invoice total

SELECT
    i.id,
    i.number,
    i.currency,
    i.total,
    COALESCE(p.captured, 0)                              AS captured,
    COALESCE(r.refunded, 0)                              AS refunded,
    i.total - (COALESCE(p.captured, 0) - COALESCE(r.refunded, 0)) AS difference
FROM invoices i
LEFT JOIN (
    SELECT invoice_id, SUM(amount) AS captured
    FROM payments
    WHERE status = 'succeeded'
    GROUP BY invoice_id
) p ON p.invoice_id = i.id
LEFT JOIN (
    SELECT pay.invoice_id, SUM(rf.amount) AS refunded
    FROM refunds rf
    JOIN payments pay ON pay.id = rf.payment_id
    WHERE rf.status = 'succeeded'
    GROUP BY pay.invoice_id
) r ON r.invoice_id = i.id
WHERE i.status IN ('open', 'paid')
  AND i.issued_at >= CURRENT_DATE - INTERVAL 35 DAY
  AND ABS(i.total - (COALESCE(p.captured, 0) - COALESCE(r.refunded, 0))) > 0.005
ORDER BY i.issued_at;

-- month-end revenue export for finance
SELECT
    DATE_FORMAT(p.captured_at, '%Y-%m') AS month,
    p.currency,
    ROUND(SUM(p.amount), 2)             AS gross,
    ROUND(SUM(p.fee_amount), 2)         AS fees,
    ROUND(SUM(p.amount - p.fee_amount), 2) AS net
FROM payments p
WHERE p.status = 'succeeded'
  AND p.captured_at >= '2024-01-01'
GROUP BY 1, 2
ORDER BY 1, 2;
