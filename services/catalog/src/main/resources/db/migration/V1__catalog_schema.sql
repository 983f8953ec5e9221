-- Catalog: categories, products with full-text search, stock per sku and reservations per order.

CREATE TABLE categories (
    slug        text PRIMARY KEY,
    name        text    NOT NULL,
    description text    NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0
);

CREATE TABLE products (
    sku         text PRIMARY KEY,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    category    text        NOT NULL REFERENCES categories (slug),
    price_minor bigint      NOT NULL CHECK (price_minor >= 0),
    currency    char(3)     NOT NULL,
    image_url   text,
    attributes  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- Name weighs most, then category and attribute values, then the description.
    search      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, name), 'A')
        || setweight(to_tsvector('english'::regconfig, replace(category, '-', ' ')), 'B')
        || setweight(jsonb_to_tsvector('english'::regconfig, attributes, '["string"]'), 'B')
        || setweight(to_tsvector('english'::regconfig, description), 'C')
    ) STORED
);
CREATE INDEX products_search ON products USING gin (search);
CREATE INDEX products_category_price ON products (category, price_minor);
CREATE INDEX products_price ON products (price_minor);
CREATE INDEX products_name ON products (name, sku);

-- Stock of a sku: what is on hand and how much of it is reserved by orders not yet confirmed.
CREATE TABLE stock (
    sku      text PRIMARY KEY REFERENCES products (sku),
    on_hand  integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)
);

-- One reservation per order (its id is the idempotency key of OrderPlaced):
-- HELD -> COMMITTED (OrderConfirmed) or RELEASED (OrderCancelled); REJECTED when short;
-- CANCELLED when the order was cancelled before anything was reserved (a late OrderPlaced does nothing).
CREATE TABLE reservations (
    order_id   text PRIMARY KEY,
    status     text        NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED', 'REJECTED', 'CANCELLED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reservation_lines (
    order_id text    NOT NULL REFERENCES reservations (order_id),
    sku      text    NOT NULL REFERENCES stock (sku),
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);
