-- The effect of the test listener: one row per handled checkout (no unique key, so duplicates would show).
CREATE TABLE test_effects (
    id          bigserial PRIMARY KEY,
    checkout_id text NOT NULL
);
