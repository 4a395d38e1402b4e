-- Helpdesk: the card tells, for each code, which mail carried it (when it
-- went, delivered or failed). A code and its mail are written in the same
-- transaction, the code first, so the trigger links the mail to the newest
-- code of the matching purpose and address. No foreign key: outbox rows
-- may be withdrawn (the demo does) and the code's history stays.

ALTER TABLE codes ADD COLUMN mail_id INTEGER;

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

-- Codes written before this migration: their mail is the first one of the
-- same kind to the same address written at or after the code.
UPDATE codes SET mail_id = (
  SELECT o.id FROM outbox o
   WHERE o.person_id = codes.person_id AND o.recipient = codes.target AND o.created_at >= codes.created_at
     AND o.kind = CASE codes.purpose WHEN 'recovery_mail' THEN 'confirm_recovery'
                                     WHEN 'redirection' THEN 'confirm_redirection'
                                     ELSE codes.purpose END
   ORDER BY o.id LIMIT 1)
 WHERE mail_id IS NULL;

-- The console reads a person's codes and audit lines by person and time.
CREATE INDEX codes_person ON codes(person_id, id);
