-- Lessons learned from engagements: written by the team and the Support Unit,
-- reviewed, and published in the hub (hub_document_id) once approved.
CREATE TABLE lessons (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  title TEXT NOT NULL,
  stage TEXT NOT NULL,
  disciplines_json TEXT NOT NULL,
  language TEXT NOT NULL,
  worked TEXT NOT NULL,
  did_not_work TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published')),
  author_id TEXT NOT NULL REFERENCES users (id),
  edited_by TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  hub_document_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX lessons_request ON lessons (request_id, created_at);
