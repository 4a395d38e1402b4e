-- As ../sqlite/0002: the last attempt's time, the relay's answer.
ALTER TABLE outbox ADD COLUMN last_try_at TEXT;
ALTER TABLE outbox ADD COLUMN relay_reply TEXT;
