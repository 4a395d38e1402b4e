-- As ../sqlite/0004, which closes SQLite's INSERT OR REPLACE: PostgreSQL has
-- no REPLACE, and an insert naming an id in use fails on the primary key;
-- ON CONFLICT DO UPDATE is an UPDATE, refused by audit_no_update. Nothing
-- to add; the number is kept so that both dialects count the same steps.
SELECT 1;
