-- catalog service, PostgreSQL 15

CREATE TABLE merchants (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    country     char(2)     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id  integer REFERENCES categories (id),
    slug       text NOT NULL UNIQUE,
    name       text NOT NULL
);

CREATE TABLE products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id  bigint      NOT NULL REFERENCES merchants (id),
    category_id  integer     NOT NULL REFERENCES categories (id),
    sku          text        NOT NULL,
    title        text        NOT NULL,
    description  text,
    price_cents  bigint      NOT NULL CHECK (price_cents >= 0),
    currency     char(3)     NOT NULL DEFAULT 'EUR',
    is_active    boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, sku)
);
CREATE INDEX products_category_price_idx ON products (category_id, price_cents) WHERE is_active;

-- attribute dictionary, managed by merchants through the seller portal
CREATE TABLE attributes (
    id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text    NOT NULL UNIQUE,      -- e.g. 'ram_gb', 'screen_in', 'brand'
    label          text    NOT NULL,
    data_type      text    NOT NULL DEFAULT 'string',
    unit           text,
    is_filterable  boolean NOT NULL DEFAULT false
);

CREATE TABLE category_attributes (
    category_id   integer NOT NULL REFERENCES categories (id),
    attribute_id  integer NOT NULL REFERENCES attributes (id),
    is_required   boolean NOT NULL DEFAULT false,
    sort_order    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (category_id, attribute_id)
);

CREATE TABLE product_attributes (
    product_id    bigint      NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    attribute_id  integer     NOT NULL REFERENCES attributes (id),
    value         text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_id, attribute_id)
);
CREATE INDEX product_attributes_attr_value_idx ON product_attributes (attribute_id, value);
