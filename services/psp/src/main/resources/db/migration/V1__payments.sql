-- The simulated provider's own records: payments, and the answer given to each idempotency key.
CREATE TABLE payments (
    payment_id           text        PRIMARY KEY,         -- pay_...
    idempotency_key      text        NOT NULL UNIQUE,     -- of the authorization that created it
    reference            text,                            -- the merchant's reference (an order id)
    payment_method_token text        NOT NULL,
    amount_minor         bigint      NOT NULL CHECK (amount_minor > 0),
    currency             text        NOT NULL,
    status               text        NOT NULL
        CHECK (status IN ('AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    authorization_code   text,
    decline_code         text,
    decline_message      text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX payments_by_reference ON payments (reference);

-- Server-side idempotency: the first request with a key is executed and its answer stored in the same
-- transaction; a request with a known key gets that answer again (a concurrent one waits for the first to
-- commit). A key sent with a different request (fingerprint) is refused.
CREATE TABLE idempotency_keys (
    idempotency_key text        PRIMARY KEY,
    fingerprint     text        NOT NULL,                 -- sha-256 of the operation and its parameters
    status_code     integer,
    response        text,                                 -- the JSON answered
    created_at      timestamptz NOT NULL DEFAULT now()
);
