-- REPLACE (INSERT OR REPLACE) on an id in use deletes the old row without
-- firing audit_no_delete (SQLite fires delete triggers on REPLACE only with
-- recursive_triggers on): refuse any insert that names an id already used.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
