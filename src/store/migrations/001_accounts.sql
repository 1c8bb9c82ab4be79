-- Accounts, sessions, invitations, login attempts and the audit chain.
-- Portable SQL (SQLite 3.40 and PostgreSQL 15): text ids made by the
-- application, instants as ISO 8601 UTC text, booleans as 0/1 integers.
-- One statement per ';' at the end of a line (the migration runner splits there).
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('government', 'support_unit', 'provider')),
  name TEXT NOT NULL,
  country TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (kind, name, country)
);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('government', 'expert', 'coordinator', 'admin')),
  organisation_id TEXT REFERENCES organisations (id),
  password_hash TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('government', 'expert', 'coordinator', 'admin')),
  organisation_id TEXT REFERENCES organisations (id),
  invited_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT
);
CREATE TABLE login_attempts (
  client TEXT NOT NULL,
  email TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_client ON login_attempts (client, at);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
