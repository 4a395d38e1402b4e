-- A mail is stored as what it needs to be written (its kind and language
-- in their columns, the rest as JSON in args), not as its text: an import
-- of 60,000 lines wrote 200 MB of bilingual bodies. A row with args has an
-- empty subject and body until it is delivered (the text, its code masked,
-- is then stored and args cleared); rows written before keep their text.
ALTER TABLE outbox ADD COLUMN args TEXT;
