-- The audit log is listed newest first by time, then by the order written
-- (AuditLog): the whole journal, and its pages, read this index instead of
-- sorting every line (1 M lines: 275 ms a page without it).
CREATE INDEX audit_at ON audit(at, id);
