-- The mask shown for an identifiant that has no account ("mot de passe
-- oublié", « 1ère connexion »): drawn once from the masks of the store, then
-- kept, so that it stays the same for ever, as a real person's does, even
-- when imports change the population or the masking rule changes. The key
-- is an HMAC of the identifiant (with the store's secret), not the
-- identifiant itself.
CREATE TABLE decoy_masks (
  key        TEXT PRIMARY KEY,
  mask       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- When the helpdesk last corrected the mail de secours: the code mails sent
-- before went to the wrong address, and no longer count towards the
-- account's 3 code mails an hour, nor its wait before the next one.
ALTER TABLE accounts ADD COLUMN recovery_corrected_at TEXT;
