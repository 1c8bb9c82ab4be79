-- The fiscal terms a hub contract carries (a term sheet of the model format
-- with a citation per parameter), and every save and review of them.
CREATE TABLE hub_contract_terms (
  document_id TEXT PRIMARY KEY REFERENCES hub_documents (id),
  terms_json TEXT NOT NULL,
  currency TEXT NOT NULL,
  products_json TEXT NOT NULL,
  base_year INTEGER NOT NULL,
  citations_json TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE hub_contract_terms_history (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES hub_documents (id),
  version INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  snapshot_json TEXT NOT NULL
);
CREATE INDEX hub_contract_terms_history_document ON hub_contract_terms_history (document_id, at);
