-- Long fiscal runs (Monte Carlo), shared by every instance on the database:
-- started through one, followed, cancelled and read through any. A running
-- job's heartbeat moves while its instance works on it; one whose heartbeat
-- stopped (the instance died) is interrupted.
CREATE TABLE fiscal_jobs (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,  -- running | done | cancelled | interrupted
  done BIGINT NOT NULL,
  total BIGINT NOT NULL,
  result_json TEXT NOT NULL,
  cancel_requested INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
);
CREATE INDEX fiscal_jobs_owner ON fiscal_jobs (owner_id, status);
