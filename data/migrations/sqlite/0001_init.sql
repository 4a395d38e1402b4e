-- entkiosk schema, version 1. Times are UTC text (see timeLayout in store.go);
-- calendar dates (birth, staff end) are local dates as YYYY-MM-DD.

CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
);

-- A person as the registration export knows them.
CREATE TABLE people (
  id             INTEGER PRIMARY KEY,
  student_number TEXT UNIQUE,                 -- NULL for staff
  staff_key      TEXT UNIQUE,                 -- staff identity across imports
  nom            TEXT NOT NULL,
  prenom         TEXT NOT NULL,
  search_name    TEXT NOT NULL,               -- prenom nom, lower case, no accents
  birth_date     TEXT NOT NULL,
  category       TEXT NOT NULL CHECK (category IN ('etudiant', 'personnel')),
  personal_email TEXT NOT NULL,
  staff_end      TEXT,                        -- staff only: end of rights
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (student_number IS NOT NULL OR staff_key IS NOT NULL)
);
CREATE INDEX people_search ON people(search_name);

-- One line of the administrative registration (IA).
CREATE TABLE registrations (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES people(id),
  annee         INTEGER NOT NULL,              -- 2026 = academic year 2026/2027
  code_etape    TEXT NOT NULL,
  libelle_etape TEXT NOT NULL,
  diplome       TEXT NOT NULL,
  composante    TEXT NOT NULL,
  regime        TEXT NOT NULL,
  statut        TEXT NOT NULL CHECK (statut IN ('valide', 'annulee')),
  paiement      TEXT NOT NULL CHECK (paiement IN ('paye', 'en_attente')),
  validated_at  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (person_id, annee, code_etape)
);

-- One account per person. local_part is unique across both domains so that
-- login by local part is unambiguous; rows are never deleted, so an
-- identifiant is never given twice.
CREATE TABLE accounts (
  person_id          INTEGER PRIMARY KEY REFERENCES people(id),
  local_part         TEXT NOT NULL UNIQUE,
  identifiant        TEXT NOT NULL UNIQUE,
  status             TEXT NOT NULL CHECK (status IN ('pending', 'active')),
  password_hash      TEXT,
  recovery_email     TEXT NOT NULL,
  redirect_email     TEXT,
  redirect_keep_copy INTEGER NOT NULL DEFAULT 1,
  helpdesk           INTEGER NOT NULL DEFAULT 0,
  validated_at       TEXT NOT NULL,            -- the IA validation that created it
  charter_at         TEXT,
  activated_at       TEXT,
  password_at        TEXT,
  last_login_at      TEXT,
  created_at         TEXT NOT NULL
);

-- Codes sent by mail. Only hashes are kept. A code is bound to one account
-- and one purpose; the link token is a second, longer secret for the same code.
CREATE TABLE codes (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES accounts(person_id),
  purpose     TEXT NOT NULL CHECK (purpose IN ('activation', 'reset', 'recovery_mail', 'redirection')),
  code_hash   TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  target      TEXT NOT NULL,                   -- the address it was sent to
  keep_copy   INTEGER NOT NULL DEFAULT 1,      -- redirection codes: the choice made
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  failures    INTEGER NOT NULL DEFAULT 0,
  used_at     TEXT,
  revoked_at  TEXT,
  revoked_why TEXT
);
CREATE INDEX codes_live ON codes(person_id, purpose) WHERE used_at IS NULL AND revoked_at IS NULL;

-- Throttling: failures as events, locks as rows, shared by every process.
CREATE TABLE throttle_failures (
  scope TEXT NOT NULL,
  key   TEXT NOT NULL,
  at    TEXT NOT NULL
);
CREATE INDEX throttle_failures_key ON throttle_failures(scope, key, at);

CREATE TABLE throttle_locks (
  scope        TEXT NOT NULL,
  key          TEXT NOT NULL,
  locked_until TEXT,                           -- NULL with disabled = 1: until the helpdesk
  level        INTEGER NOT NULL DEFAULT 0,     -- locks so far: the next wait doubles
  disabled     INTEGER NOT NULL DEFAULT 0,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Every mail is written here first, in the transaction of the change that
-- causes it, then delivered.
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER REFERENCES people(id),
  kind        TEXT NOT NULL,
  lang        TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  message_id  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  not_before  TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT NOT NULL,
  claimed_by  TEXT,
  claimed_until TEXT,
  sent_at     TEXT,
  last_error  TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_try_at);
CREATE INDEX outbox_recipient ON outbox(recipient);
CREATE INDEX outbox_person ON outbox(person_id);

-- The audit log: append only, no secret in it.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  event       TEXT NOT NULL,
  person_id   INTEGER,
  identifiant TEXT NOT NULL DEFAULT '',
  client      TEXT NOT NULL DEFAULT '',
  outcome     TEXT NOT NULL DEFAULT '',
  actor       TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_person ON audit(person_id, id);
CREATE INDEX audit_identifiant ON audit(identifiant, id);
CREATE INDEX audit_event ON audit(event, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
