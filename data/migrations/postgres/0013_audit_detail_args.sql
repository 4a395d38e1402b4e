-- An audit line's detail is a kind and its arguments (audit_detail.go), not
-- a sentence to read back: kind names the shape, args holds the arguments
-- as JSON (TEXT: the hash chain covers these bytes as written). Lines
-- written before keep kind '' and args NULL and their sentence in detail;
-- the store reads those sentences once (legacyDetail), and their hashes,
-- which cover no kind nor args, still hold.
ALTER TABLE audit ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN args TEXT;
