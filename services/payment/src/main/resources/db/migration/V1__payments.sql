-- One payment per order: remembered at OrderPlaced, authorized at StockReserved, voided at OrderCancelled.
CREATE TABLE payments (
    payment_id           uuid PRIMARY KEY,
    order_id             text        NOT NULL UNIQUE,   -- never two payments (or charges) for one order
    customer_id          text        NOT NULL,
    customer_email       text,
    amount_minor         bigint      NOT NULL,
    currency             text        NOT NULL,
    payment_method_token text,                          -- null when the order was cancelled before it was placed here
    status               text        NOT NULL
        CHECK (status IN ('AWAITING_STOCK', 'AUTHORIZED', 'DECLINED', 'REFUNDED', 'VOIDED')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- The ledger: what happened to the money, append-only; at most one entry of each kind per payment.
CREATE TABLE ledger_entries (
    entry_id     uuid PRIMARY KEY,
    payment_id   uuid        NOT NULL REFERENCES payments (payment_id),
    kind         text        NOT NULL CHECK (kind IN ('AUTHORIZATION', 'DECLINE', 'VOID', 'REFUND')),
    amount_minor bigint      NOT NULL,
    currency     text        NOT NULL,
    reference    text        NOT NULL,                  -- authorization code, decline reason or void reference
    at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (payment_id, kind)
);
