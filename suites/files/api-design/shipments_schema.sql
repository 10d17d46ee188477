CREATE TABLE shipments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    reference           text        NOT NULL,
    status              text        NOT NULL DEFAULT 'created',
    carrier             text,
    tracking_number     text,
    destination_country char(2)     NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipments_tenant_created_idx ON shipments (tenant_id, created_at);
CREATE INDEX shipments_tenant_status_idx  ON shipments (tenant_id, status);
CREATE UNIQUE INDEX shipments_tenant_reference_uq ON shipments (tenant_id, reference);

-- CSV import (app/imports/shipments.py) stages the uploaded file and then runs,
-- inside a single transaction per file:
INSERT INTO shipments (tenant_id, reference, status, carrier, destination_country)
SELECT %(tenant_id)s, s.reference, 'created', s.carrier, s.destination_country
FROM shipment_import_staging s
WHERE s.import_id = %(import_id)s;
