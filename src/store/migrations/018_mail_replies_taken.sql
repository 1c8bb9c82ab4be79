-- Replies taken by mail, by their Message-ID: a mail server that pipes the
-- same reply twice (a retry after a timeout, a second alias) adds it once.
CREATE TABLE mail_replies_taken (
  message_id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL,
  taken_at TEXT NOT NULL
);
