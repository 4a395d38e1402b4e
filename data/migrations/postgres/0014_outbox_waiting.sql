-- As ../sqlite/0014: the mails someone is waiting for are sent first.
ALTER TABLE outbox ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_waiting ON outbox(status, next_try_at) WHERE waiting = 1;
