-- SMTP delivery details the helpdesk shows: when the last attempt was, and
-- what the relay answered when it accepted the mail (its queue id, to trace
-- the mail further with the postmaster).
ALTER TABLE outbox ADD COLUMN last_try_at TEXT;
ALTER TABLE outbox ADD COLUMN relay_reply TEXT;
