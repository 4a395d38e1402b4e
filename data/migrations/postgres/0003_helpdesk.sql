-- As ../sqlite/0003: each code's mail, linked by a trigger when the mail is
-- written (in the same transaction as its code, the code first). The
-- backfill of ../sqlite/0003 has nothing to do on a new PostgreSQL store.
ALTER TABLE codes ADD COLUMN mail_id BIGINT;

CREATE FUNCTION codes_link_mail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE codes SET mail_id = NEW.id WHERE id = (
    SELECT id FROM codes
     WHERE person_id = NEW.person_id AND target = NEW.recipient AND mail_id IS NULL
       AND purpose = CASE NEW.kind WHEN 'confirm_recovery' THEN 'recovery_mail'
                                   WHEN 'confirm_redirection' THEN 'redirection'
                                   ELSE NEW.kind END
     ORDER BY id DESC LIMIT 1);
  RETURN NULL;
END $$;
CREATE TRIGGER codes_link_mail AFTER INSERT ON outbox FOR EACH ROW
  WHEN (NEW.person_id IS NOT NULL
        AND NEW.kind IN ('activation', 'reset', 'confirm_recovery', 'confirm_redirection'))
  EXECUTE FUNCTION codes_link_mail();

CREATE INDEX codes_person ON codes(person_id, id);
