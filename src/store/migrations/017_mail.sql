-- Mail. A mail is queued in the transaction of the change that causes it
-- (the outbox) and delivered later by one sender at a time across instances
-- (the lease below); its words are written at delivery from the kind and its
-- parameters, in the recipient's language. Once sent, its parameters are
-- cleared: what the mail said lives in the portal, not twice.
CREATE TABLE mail_outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  user_id TEXT REFERENCES users (id),  -- null for an invitation: no account yet
  recipient TEXT NOT NULL,             -- the address, as it was when queued
  language TEXT NOT NULL,
  request_id TEXT,                     -- the thread; null for mails about no request
  params_json TEXT NOT NULL,
  link TEXT NOT NULL,                  -- the page, a path under the portal's address
  status TEXT NOT NULL CHECK (status IN ('queued', 'digest', 'sent', 'failed', 'digested')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  reply_token TEXT                     -- replies to this mail come back with it
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_user ON mail_outbox (user_id, status);
-- Who delivers the outbox now, and until when: an instance takes the lease
-- when it is free or lapsed, and renews it between mails.
CREATE TABLE mail_sender (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  holder TEXT NOT NULL,
  lease_until TEXT NOT NULL
);
INSERT INTO mail_sender (id, holder, lease_until) VALUES (1, '', '1970-01-01T00:00:00Z');
-- A reply address per request and recipient (connex+TOKEN@host): a reply by
-- mail is taken only when its token names the request and the sender is
-- that recipient.
CREATE TABLE mail_reply_tokens (
  token TEXT PRIMARY KEY,
  request_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  UNIQUE (request_id, user_id)
);
-- How a user wants each kind of mail: immediately (no row), in a daily
-- digest, or not at all.
CREATE TABLE mail_preferences (
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('immediate', 'digest', 'off')),
  PRIMARY KEY (user_id, kind)
);
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
-- Digests go out in the morning where the user lives.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE users ADD COLUMN digest_sent_on TEXT;
-- The language an invitation's mail is written in, and its account starts in.
ALTER TABLE invitations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
