-- As ../sqlite/0008: each audit row carries its hash, chained to the
-- previous row's; a row without it is refused.
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE FUNCTION audit_needs_hash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only and chained: a row needs its hash';
END $$;
CREATE TRIGGER audit_chained BEFORE INSERT ON audit FOR EACH ROW
  WHEN (NEW.hash = '')
  EXECUTE FUNCTION audit_needs_hash();
