-- waiting: someone asked for this mail on a screen, or an agent for them
-- on the phone (a code, or the notice sent in its place), and is waiting
-- for it. The sender takes those first: on the morning an import queues
-- 60,000 activation mails, a code asked at a kiosk does not wait behind
-- them. The import's mails and the « changed » notices keep 0.
ALTER TABLE outbox ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_waiting ON outbox(status, next_try_at) WHERE waiting = 1;
