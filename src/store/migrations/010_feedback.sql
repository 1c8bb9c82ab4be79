-- The government's feedback on a closed engagement: one answer per request.
CREATE TABLE request_feedback (
  request_id TEXT PRIMARY KEY,
  quality INTEGER NOT NULL,
  timeliness INTEGER NOT NULL,
  independence INTEGER NOT NULL,
  multidisciplinarity INTEGER NOT NULL,
  capacity_built INTEGER NOT NULL,
  value_added INTEGER NOT NULL,
  comments TEXT NOT NULL,
  estimated_added_value REAL,
  currency TEXT NOT NULL,
  value_added_id TEXT NOT NULL,
  answered_by TEXT NOT NULL,
  answered_at TEXT NOT NULL
);
