-- Orders: one per checkout (checkout_id is unique, so a redelivered or re-sent CartCheckedOut creates nothing).
-- Lines and the shipping address are jsonb: an order is created with one INSERT. The payment method token is
-- not kept here: it travels in OrderPlaced (the outbox row) and is gone once the relay has published it.
CREATE TABLE orders (
    id                  uuid PRIMARY KEY,            -- UUID v7 (time-ordered)
    checkout_id         text        NOT NULL UNIQUE,
    cart_id             text        NOT NULL,
    customer_id         text        NOT NULL,
    customer_email      text        NOT NULL,
    status              text        NOT NULL,
    cancellation_reason text,
    cancellation_detail text,
    payment_id          text,                        -- set by PaymentAuthorized (possibly before StockReserved)
    lines               jsonb       NOT NULL,
    total_minor         bigint      NOT NULL,
    currency            text        NOT NULL,
    shipping_address    jsonb       NOT NULL,
    checked_out_at      timestamptz NOT NULL,        -- when the cart was checked out (CartCheckedOut's time)
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    deadline            timestamptz NOT NULL,        -- the saga deadline: still open after it = cancelled (TIMEOUT)
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_open_by_deadline ON orders (deadline) WHERE status IN ('PENDING', 'STOCK_RESERVED');

-- Every status change and every event received for an order.
CREATE TABLE order_timeline (
    id       bigserial PRIMARY KEY,
    order_id uuid        NOT NULL REFERENCES orders (id),
    status   text        NOT NULL,
    event    text        NOT NULL,
    at       timestamptz NOT NULL,
    detail   text
);
CREATE INDEX order_timeline_by_order ON order_timeline (order_id, id);
