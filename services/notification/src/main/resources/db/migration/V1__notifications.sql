-- One notification per order and template: recorded PENDING with the event id, sent, then marked SENT
-- together with its NotificationSent outbox row.
CREATE TABLE notifications (
    notification_id     uuid PRIMARY KEY,
    event_id            uuid        NOT NULL,          -- the event that caused it
    customer_id         text        NOT NULL,
    order_id            text        NOT NULL,
    template            text        NOT NULL,
    channel             text        NOT NULL,
    recipient           text        NOT NULL,
    subject             text        NOT NULL,
    body_text           text        NOT NULL,
    body_html           text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'SENT')),
    provider_message_id text,
    send_claimed_until  timestamptz,                   -- a delivery is sending it until then
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    UNIQUE (order_id, template)                        -- an order is confirmed, cancelled, refunded once
);

-- The inbox: a customer's notifications, newest first.
CREATE INDEX notifications_inbox ON notifications (customer_id, created_at DESC, notification_id DESC);
