-- Requests for support and their engagements: state history, due diligence,
-- scope versions, team, deliverables, messages, documents (content stored once
-- per SHA-256), notifications, the SLA policy and public enquiries.
-- Lists and nested values the database never filters on are JSON text.
CREATE TABLE requests (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  created_by TEXT NOT NULL REFERENCES users (id),
  country TEXT,
  commodity TEXT,
  project_name TEXT,
  deadline TEXT,
  form_json TEXT NOT NULL,
  state TEXT NOT NULL,
  paused_from TEXT,
  engagement_phase TEXT,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX requests_organisation ON requests (organisation_id);
CREATE INDEX requests_state ON requests (state);
CREATE TABLE request_transitions (
  request_id TEXT NOT NULL REFERENCES requests (id),
  seq INTEGER NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users (id),
  at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (request_id, seq)
);
CREATE TABLE due_diligence (
  request_id TEXT PRIMARY KEY REFERENCES requests (id),
  human_rights TEXT NOT NULL,
  environmental TEXT NOT NULL,
  legal TEXT NOT NULL,
  reputational TEXT NOT NULL,
  other_providers TEXT NOT NULL,
  notes TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('pending', 'approve', 'decline')),
  reasons TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  version INTEGER NOT NULL
);
CREATE TABLE scope_versions (
  request_id TEXT NOT NULL REFERENCES requests (id),
  number INTEGER NOT NULL,
  author_id TEXT NOT NULL REFERENCES users (id),
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  scope_json TEXT NOT NULL,
  PRIMARY KEY (request_id, number)
);
CREATE TABLE request_team (
  request_id TEXT NOT NULL REFERENCES requests (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (request_id, user_id)
);
CREATE INDEX request_team_user ON request_team (user_id);
CREATE TABLE deliverables (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  kind TEXT NOT NULL CHECK (kind IN ('deliverable', 'milestone')),
  title TEXT NOT NULL,
  phase TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  delivered_at TEXT,
  version INTEGER NOT NULL
);
CREATE INDEX deliverables_request ON deliverables (request_id);
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  author_id TEXT NOT NULL REFERENCES users (id),
  at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX messages_request ON messages (request_id, at);
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  content BLOB NOT NULL
);
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blobs (sha256),
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_request ON documents (request_id);
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  request_id TEXT,
  text TEXT NOT NULL,
  at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, at);
CREATE INDEX notifications_request ON notifications (request_id, kind);
CREATE TABLE sla_policies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  policy_json TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO sla_policies (id, name, policy_json, version, updated_at) VALUES ('standard', 'Standard response times', '{"calendar":{"timezone":"UTC","working_days":[1,2,3,4,5],"day_start":"09:00","day_end":"17:00","holidays":[]},"targets":{"acknowledge":8,"decide":80,"team_proposed":40,"first_deliverable":160},"warning_share":0.75}', 1, '2026-01-01T00:00:00Z');
CREATE TABLE enquiries (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  organisation TEXT NOT NULL,
  country TEXT NOT NULL,
  message TEXT NOT NULL,
  client TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX enquiries_client ON enquiries (client, at);
