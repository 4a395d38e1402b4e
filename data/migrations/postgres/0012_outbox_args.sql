-- As ../sqlite/0012: a mail stored as its kind and arguments (JSON text).
ALTER TABLE outbox ADD COLUMN args TEXT;
