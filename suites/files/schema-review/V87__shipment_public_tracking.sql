-- V87__shipment_public_tracking.sql
-- Public tracking page (FUL-1432): shareable token per shipment, promised
-- delivery window, signature flag; carrier/status index for the carrier
-- dashboard; FK to carriers.

ALTER TABLE shipments
    ADD COLUMN tracking_token uuid NOT NULL DEFAULT gen_random_uuid();

ALTER TABLE shipments
    ADD COLUMN delivery_window text;

UPDATE shipments
SET delivery_window = CASE service_level
                          WHEN 'express' THEN 'next_day'
                          WHEN 'economy' THEN 'five_day'
                          ELSE 'standard'
                      END;

ALTER TABLE shipments
    ALTER COLUMN delivery_window SET NOT NULL;

ALTER TABLE shipments
    ADD COLUMN requires_signature boolean NOT NULL DEFAULT false;

CREATE UNIQUE INDEX shipments_tracking_token_key ON shipments (tracking_token);

CREATE INDEX shipments_carrier_status_idx ON shipments (carrier_id, status);

ALTER TABLE shipments
    ADD CONSTRAINT shipments_carrier_id_fkey
    FOREIGN KEY (carrier_id) REFERENCES carriers (id);
