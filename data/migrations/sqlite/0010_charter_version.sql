-- The version of the charter each account accepted (the institution file's
-- [charter] version). An account whose version is not the current one is
-- asked to accept the charter again at its next login; accounts activated
-- before versions were recorded have none, and are asked once.
ALTER TABLE accounts ADD COLUMN charter_version TEXT;
