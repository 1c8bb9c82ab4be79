-- What better terms add for the state, estimated from a fiscal comparison and
-- recorded on the engagement (the latest record is the current estimate).
CREATE TABLE request_value_added (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL,
  model_id TEXT NOT NULL REFERENCES fiscal_models (id),
  version INTEGER NOT NULL,
  from_terms TEXT NOT NULL,
  to_terms TEXT NOT NULL,
  currency TEXT NOT NULL,
  government_total REAL NOT NULL,
  government_pv REAL NOT NULL,
  discount_rate REAL NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX request_value_added_request ON request_value_added (request_id, recorded_at);
