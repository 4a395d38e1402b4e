-- Settings without secrets that entkiosk keeps in the campus directory (mail
-- de secours, redirection, the account's end of rights), written by a
-- worker like the outbox: a row is queued in the transaction of the change
-- that causes it, claimed with a lease (status 'applying', next_try_at is
-- the end of the lease), applied, then 'done'. A newer change of the same
-- kind for the same person supersedes a pending one; rows of one person and
-- kind are applied in order (the worker takes only the oldest unfinished).
CREATE TABLE directory_queue (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES accounts(person_id),
  login       TEXT NOT NULL,                    -- what the directory finds the person by
  kind        TEXT NOT NULL CHECK (kind IN ('mail_perso', 'redirection', 'account_end')),
  address     TEXT NOT NULL DEFAULT '',         -- mail_perso, redirection ('' removes it)
  keep_copy   INTEGER NOT NULL DEFAULT 0,       -- redirection
  end_date    TEXT NOT NULL DEFAULT '',         -- account_end: YYYY-MM-DD, local
  status      TEXT NOT NULL DEFAULT 'pending'
              CHECK (status IN ('pending', 'applying', 'done', 'failed', 'superseded')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  next_try_at TEXT NOT NULL,
  last_try_at TEXT,
  done_at     TEXT,
  last_error  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX directory_queue_due ON directory_queue(status, next_try_at);
CREATE INDEX directory_queue_person ON directory_queue(person_id, kind, id);
