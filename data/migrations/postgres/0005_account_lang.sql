-- As ../sqlite/0005: the language of the account's owner.
ALTER TABLE accounts ADD COLUMN lang TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en'));
