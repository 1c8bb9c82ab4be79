-- Fiscal models kept in the portal: a workspace's or an engagement's, each
-- save a version, results kept per version.
CREATE TABLE fiscal_models (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  request_id TEXT NOT NULL,  -- '' for the owner's workspace
  version INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX fiscal_models_owner ON fiscal_models (owner_id, request_id);
CREATE INDEX fiscal_models_request ON fiscal_models (request_id);
CREATE TABLE fiscal_model_versions (
  model_id TEXT NOT NULL REFERENCES fiscal_models (id),
  version INTEGER NOT NULL,
  model_json TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (model_id, version)
);
CREATE TABLE fiscal_results (
  model_id TEXT NOT NULL REFERENCES fiscal_models (id),
  version INTEGER NOT NULL,
  result_key TEXT NOT NULL,
  result_json TEXT NOT NULL,
  PRIMARY KEY (model_id, version, result_key)
);
