-- The language of the account's owner: the language of the screen on which
-- they last logged in, activated, reset or changed their account. Mails that
-- the owner did not cause (a helpdesk agent's resend or reset, a notice of
-- the agent's correction) are written in it, not in the agent's language.
ALTER TABLE accounts ADD COLUMN lang TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en'));
