-- An engagement's signed contract in the hub, linked by the Support Unit:
-- a disclosure commitment made in the scope is met once that record is public.
CREATE TABLE engagement_contracts (
  request_id TEXT PRIMARY KEY REFERENCES requests (id),
  hub_document_id TEXT NOT NULL REFERENCES hub_documents (id),
  linked_by TEXT NOT NULL REFERENCES users (id),
  linked_at TEXT NOT NULL
);
