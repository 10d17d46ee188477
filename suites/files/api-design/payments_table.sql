-- pg_dump --schema-only -t payments payments_prod  (2024-06-12)

CREATE TABLE public.payments (
    id                 text        NOT NULL,
    merchant_id        bigint      NOT NULL,
    amount             bigint      NOT NULL,
    currency           char(3)     NOT NULL,
    payment_method_id  text        NOT NULL,
    description        text,
    status             text        NOT NULL,
    psp_reference      text,
    idempotency_key    varchar(255),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_pkey PRIMARY KEY (id),
    CONSTRAINT payments_amount_check CHECK (amount > 0),
    CONSTRAINT payments_status_check CHECK (status IN ('SUCCEEDED', 'DECLINED', 'PENDING', 'FAILED'))
);

CREATE INDEX payments_merchant_created_idx ON public.payments USING btree (merchant_id, created_at DESC);
CREATE INDEX payments_idempotency_key_idx ON public.payments USING btree (idempotency_key);
CREATE INDEX payments_psp_reference_idx ON public.payments USING btree (psp_reference);

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_merchant_id_fkey FOREIGN KEY (merchant_id) REFERENCES public.merchants(id);
