-- A code mail that no sender has taken yet is cancelled when its code stops
-- working first (replaced by a newer one, revoked after 5 wrong entries or
-- because its address was corrected, used): a relay back after a while must
-- not deliver a dead code, with the person's name and identifiant, to an old
-- and maybe wrong address. The outbox's CHECK on status names the states,
-- so the table is rebuilt the way SQLite documents (ALTER TABLE cannot
-- change a constraint): new table, copy, drop, rename, then the indexes and
-- the trigger that were on the old table. No foreign key refers to the
-- outbox (codes.mail_id has none, see 0003), so foreign keys may stay on.
--
-- The id becomes AUTOINCREMENT: codes.mail_id names a mail by its id, and
-- an id freed by a withdrawn mail (the demo withdraws some) was given
-- again to the next mail, which its old code then claimed as its own.

-- ALTER TABLE ... RENAME opens the connection's temp database (SQLite
-- updates the triggers and views kept there); once it is open, the
-- import's "PRAGMA temp_store = MEMORY" inside its transaction fails on
-- this connection unless temp_store already has that value. Set it first,
-- while the temp database is still closed.
PRAGMA temp_store = MEMORY;

CREATE TABLE outbox_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id     INTEGER REFERENCES people(id),
  kind          TEXT NOT NULL,
  lang          TEXT NOT NULL,                 -- 'fr', 'en', or 'fr, en' (both, in that order)
  recipient     TEXT NOT NULL,
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  message_id    TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  not_before    TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_try_at   TEXT NOT NULL,
  claimed_by    TEXT,
  claimed_until TEXT,
  sent_at       TEXT,
  last_error    TEXT,
  last_try_at   TEXT,
  relay_reply   TEXT,
  cancelled_at  TEXT,                          -- cancelled: when
  cancel_why    TEXT                           -- cancelled: 'used', or the code's revoked_why
);

INSERT INTO outbox_new(id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before,
                       status, attempts, next_try_at, claimed_by, claimed_until, sent_at, last_error, last_try_at,
                       relay_reply)
SELECT id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before,
       status, attempts, next_try_at, claimed_by, claimed_until, sent_at, last_error, last_try_at, relay_reply
  FROM outbox;

DROP TABLE outbox;  -- drops its indexes and the trigger codes_link_mail with it
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_due ON outbox(status, next_try_at);
CREATE INDEX outbox_recipient ON outbox(recipient);
CREATE INDEX outbox_person ON outbox(person_id);

-- As in 0003.
CREATE TRIGGER codes_link_mail AFTER INSERT ON outbox
  WHEN NEW.person_id IS NOT NULL
   AND NEW.kind IN ('activation', 'reset', 'confirm_recovery', 'confirm_redirection')
BEGIN
  UPDATE codes SET mail_id = NEW.id WHERE id = (
    SELECT id FROM codes
     WHERE person_id = NEW.person_id AND target = NEW.recipient AND mail_id IS NULL
       AND purpose = CASE NEW.kind WHEN 'confirm_recovery' THEN 'recovery_mail'
                                   WHEN 'confirm_redirection' THEN 'redirection'
                                   ELSE NEW.kind END
     ORDER BY id DESC LIMIT 1);
END;

-- Links made to a reused id (see above): the mail is not the code's.
UPDATE codes SET mail_id = NULL
 WHERE mail_id IS NOT NULL AND NOT EXISTS (
   SELECT 1 FROM outbox o
    WHERE o.id = codes.mail_id AND o.person_id = codes.person_id AND o.recipient = codes.target
      AND o.created_at >= codes.created_at
      AND o.kind = CASE codes.purpose WHEN 'recovery_mail' THEN 'confirm_recovery'
                                      WHEN 'redirection' THEN 'confirm_redirection'
                                      ELSE codes.purpose END);

-- The mail allowance reads whether a mail's code was used.
CREATE INDEX codes_mail ON codes(mail_id);

-- Whatever ends a code (issueCode's 'superseded', VerifyCode's 'failures',
-- the helpdesk's 'recovery mail corrected', consumeCode's used_at) cancels
-- its mail in the same transaction, if the mail is still pending: a mail
-- being sent (claimed) or already sent or failed is left alone, and a
-- cancelled mail is never claimed (claimMail takes pending and sending).
CREATE TRIGGER codes_cancel_mail AFTER UPDATE OF used_at, revoked_at ON codes
  WHEN NEW.mail_id IS NOT NULL AND OLD.used_at IS NULL AND OLD.revoked_at IS NULL
   AND (NEW.used_at IS NOT NULL OR NEW.revoked_at IS NOT NULL)
BEGIN
  UPDATE outbox SET status = 'cancelled', cancelled_at = COALESCE(NEW.used_at, NEW.revoked_at),
         cancel_why = CASE WHEN NEW.used_at IS NOT NULL THEN 'used' ELSE COALESCE(NEW.revoked_why, 'revoked') END
   WHERE id = NEW.mail_id AND status = 'pending';
END;

-- Mails already waiting with a code that no longer works.
UPDATE outbox SET status = 'cancelled',
       cancelled_at = (SELECT COALESCE(c.used_at, c.revoked_at) FROM codes c WHERE c.mail_id = outbox.id),
       cancel_why = (SELECT CASE WHEN c.used_at IS NOT NULL THEN 'used' ELSE COALESCE(c.revoked_why, 'revoked') END
                       FROM codes c WHERE c.mail_id = outbox.id)
 WHERE status = 'pending'
   AND id IN (SELECT mail_id FROM codes WHERE mail_id IS NOT NULL AND (used_at IS NOT NULL OR revoked_at IS NOT NULL));
