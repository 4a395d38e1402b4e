-- As ../sqlite/0010: the charter version each account accepted.
ALTER TABLE accounts ADD COLUMN charter_version TEXT;
