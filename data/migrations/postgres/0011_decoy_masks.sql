-- As ../sqlite/0011: the masks kept for identifiants without an account, and
-- when the helpdesk last corrected the mail de secours.
CREATE TABLE decoy_masks (
  key        TEXT PRIMARY KEY,
  mask       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
ALTER TABLE accounts ADD COLUMN recovery_corrected_at TEXT;
