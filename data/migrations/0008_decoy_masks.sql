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
