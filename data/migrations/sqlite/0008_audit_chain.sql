-- The audit log is tamper-evident: each row carries a hash chained to the
-- previous row's (audit_chain.go), written in the same transaction as the
-- row. Rows written before this migration keep an empty hash: they precede
-- the chain. From now on a row without its hash is refused, so that no
-- writer can leave the chain.
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TRIGGER audit_chained BEFORE INSERT ON audit
  WHEN NEW.hash = ''
  BEGIN SELECT RAISE(ABORT, 'audit is append-only and chained: a row needs its hash'); END;
