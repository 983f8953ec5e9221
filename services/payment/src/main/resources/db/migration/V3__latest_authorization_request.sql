-- authorization_requested_at is now the time of the latest authorize request sent (stamped before each send, only
-- while the payment is AUTHORIZING), not the time the AUTHORIZING intent was recorded: a cancellation waits
-- reconcile.stuck-after from the latest request (issue 14).
COMMENT ON COLUMN payments.authorization_requested_at IS
    'when the latest authorize request was sent (stamped before each send while AUTHORIZING)';
-- The reconciler's follow-up query: payments released with nothing held whose authorize request may still land.
CREATE INDEX payments_released_with_nothing_held ON payments (updated_at)
    WHERE status = 'VOIDED' AND provider_payment_id IS NULL AND authorization_requested_at IS NOT NULL;
