-- The support-provider directory. The record is kept as JSON: the directory
-- holds hundreds of entries and is filtered in the domain, not by SQL.
CREATE TABLE hub_providers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  provider_json TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX hub_providers_name ON hub_providers (name);
