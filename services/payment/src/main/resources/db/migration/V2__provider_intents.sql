-- The provider is called outside any transaction (ADR 0010): a payment first records what it is about to ask
-- (AUTHORIZING, CAPTURING, CANCELLING: the intent, with its idempotency key derived from payment_id) and commits,
-- then calls the provider, then records the outcome (and its events) in a second transaction.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN (
    'AWAITING_STOCK', 'AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'CAPTURING', 'CAPTURED', 'CANCELLING', 'VOIDED',
    'REFUNDED'));
ALTER TABLE payments ADD COLUMN provider_payment_id text;                -- the provider's id, once it answered
ALTER TABLE payments ADD COLUMN authorization_requested_at timestamptz;  -- when AUTHORIZING was recorded
UPDATE payments SET authorization_requested_at = updated_at WHERE status <> 'AWAITING_STOCK';
-- The reconciler's query: payments stuck in an intent.
CREATE INDEX payments_in_flight ON payments (updated_at)
    WHERE status IN ('AUTHORIZING', 'CAPTURING', 'CANCELLING');

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
    CHECK (kind IN ('AUTHORIZATION', 'DECLINE', 'CAPTURE', 'VOID', 'REFUND'));
