-- As ../sqlite/0007: the journal listed newest first reads this index.
CREATE INDEX audit_at ON audit(at, id);
