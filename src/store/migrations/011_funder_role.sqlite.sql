-- The read-only funder role (impact reports only). SQLite cannot change a
-- CHECK constraint in place: the two tables are rebuilt with their rows, in
-- the same column order, while foreign keys are off (Database::WriteSchema
-- checks them before the commit).
CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('government', 'expert', 'coordinator', 'admin', 'funder')),
  organisation_id TEXT REFERENCES organisations (id),
  password_hash TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO users_new SELECT * FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE TABLE invitations_new (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('government', 'expert', 'coordinator', 'admin', 'funder')),
  organisation_id TEXT REFERENCES organisations (id),
  invited_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT
);
INSERT INTO invitations_new SELECT * FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
