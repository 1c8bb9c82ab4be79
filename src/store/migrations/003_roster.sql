-- The roster: expert profiles and unavailable periods, Code of Conduct
-- versions and attestations, declarations of interests, screenings against a
-- request's counterparties (every one kept), waivers with the government's
-- consent, and the days of each team membership.
CREATE TABLE expert_profiles (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  seniority TEXT NOT NULL,
  disciplines_json TEXT NOT NULL,
  languages_json TEXT NOT NULL,
  countries_json TEXT NOT NULL,
  commodities_json TEXT NOT NULL,
  day_rate DOUBLE PRECISION NOT NULL,
  readiness TEXT NOT NULL,
  bio TEXT NOT NULL,
  unavailable_json TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE conduct_codes (
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL
);
CREATE TABLE attestations (
  user_id TEXT NOT NULL REFERENCES users (id),
  code_version INTEGER NOT NULL REFERENCES conduct_codes (version),
  at TEXT NOT NULL,
  PRIMARY KEY (user_id, code_version)
);
CREATE TABLE declarations (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  entity TEXT NOT NULL,
  affiliates_json TEXT NOT NULL,
  relation TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  evidence TEXT NOT NULL,
  declared_at TEXT NOT NULL
);
CREATE INDEX declarations_user ON declarations (user_id);
CREATE TABLE screenings (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'disclose', 'waiver', 'exclude')),
  reason TEXT NOT NULL,
  declaration_id TEXT,
  lookback_years INTEGER NOT NULL,
  at TEXT NOT NULL,
  screened_by TEXT NOT NULL
);
CREATE INDEX screenings_request ON screenings (request_id, user_id, at);
CREATE TABLE waivers (
  request_id TEXT NOT NULL REFERENCES requests (id),
  declaration_id TEXT NOT NULL REFERENCES declarations (id),
  consent_document_id TEXT NOT NULL REFERENCES documents (id),
  recorded_by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (request_id, declaration_id)
);
ALTER TABLE request_team ADD COLUMN days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE request_team ADD COLUMN start_date TEXT;
ALTER TABLE request_team ADD COLUMN end_date TEXT;
CREATE TABLE appraisals (
  request_id TEXT NOT NULL REFERENCES requests (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  appraiser_id TEXT NOT NULL REFERENCES users (id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comments TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (request_id, user_id)
);
