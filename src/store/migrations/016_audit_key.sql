-- The audit chain keyed: an entry written with the portal's audit key names
-- the key (an identifier derived from it, never the key) and carries an
-- HMAC-SHA-256 under it in `hash`. Entries from before have no key_id and
-- keep their plain SHA-256 chain; the first keyed entry binds them.
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
