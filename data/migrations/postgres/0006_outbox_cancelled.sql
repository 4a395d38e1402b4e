-- As ../sqlite/0006: a code mail not yet taken is cancelled when its code
-- stops working. PostgreSQL changes the CHECK in place (SQLite rebuilds the
-- table) and its identity never gives an id twice (SQLite's AUTOINCREMENT).
ALTER TABLE outbox DROP CONSTRAINT outbox_status;
ALTER TABLE outbox ADD CONSTRAINT outbox_status
  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled'));
ALTER TABLE outbox ADD COLUMN cancelled_at TEXT;
ALTER TABLE outbox ADD COLUMN cancel_why TEXT;

CREATE INDEX codes_mail ON codes(mail_id);

CREATE FUNCTION codes_cancel_mail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE outbox SET status = 'cancelled', cancelled_at = COALESCE(NEW.used_at, NEW.revoked_at),
         cancel_why = CASE WHEN NEW.used_at IS NOT NULL THEN 'used' ELSE COALESCE(NEW.revoked_why, 'revoked') END
   WHERE id = NEW.mail_id AND status = 'pending';
  RETURN NULL;
END $$;
CREATE TRIGGER codes_cancel_mail AFTER UPDATE OF used_at, revoked_at ON codes FOR EACH ROW
  WHEN (NEW.mail_id IS NOT NULL AND OLD.used_at IS NULL AND OLD.revoked_at IS NULL
        AND (NEW.used_at IS NOT NULL OR NEW.revoked_at IS NOT NULL))
  EXECUTE FUNCTION codes_cancel_mail();
