-- When the relay dead-lettered an outbox row (on-call's `./emporium dlq show outbox:<service>`).
-- Repeatable and idempotent rather than a V0_x migration: services' own migrations start at V1, so a new
-- platform version below them would be refused by Flyway on databases that already exist.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS dead_lettered_at timestamptz;
