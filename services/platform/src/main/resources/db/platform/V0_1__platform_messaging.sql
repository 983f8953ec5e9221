-- Emporium platform messaging tables (services/platform), applied by every service that uses R2DBC.
-- Service migrations start at V1; these run first.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE outbox (
    id              uuid PRIMARY KEY,            -- the event id (UUID v7, time-ordered)
    type            text        NOT NULL,        -- wire type, e.g. order.OrderPlaced.v1
    subject         text,
    payload         text        NOT NULL,        -- the encoded envelope
    traceparent     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id);

-- Idempotent consumers: the event id is recorded in the same transaction as its effect.
CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    type         text        NOT NULL,
    queue        text,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Why a message failed, keyed by SQS message id (kept when SQS moves it to the DLQ): on-call reads it.
CREATE TABLE message_failures (
    message_id      text PRIMARY KEY,
    queue           text        NOT NULL,
    event_id        text,
    type            text,
    reason          text        NOT NULL,
    receive_count   integer     NOT NULL,
    first_failed_at timestamptz NOT NULL DEFAULT now(),
    last_failed_at  timestamptz NOT NULL DEFAULT now()
);
