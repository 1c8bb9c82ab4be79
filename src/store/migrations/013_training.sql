-- Capacity building: courses, their sessions, and the officials taking part.
-- Lists the database never filters on (materials, trainers) are JSON text.
CREATE TABLE courses (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  audience TEXT NOT NULL,
  hours REAL NOT NULL,
  materials_json TEXT NOT NULL,
  published INTEGER NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES courses (id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid')),
  place TEXT NOT NULL,
  language TEXT NOT NULL,
  trainers_json TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX training_sessions_course ON training_sessions (course_id, starts_on);
CREATE TABLE training_participants (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  position TEXT NOT NULL,
  organisation TEXT NOT NULL,
  organisation_id TEXT REFERENCES organisations (id),
  nominated_by TEXT NOT NULL REFERENCES users (id),
  attended_days INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  certificate_id TEXT UNIQUE,
  completed_at TEXT,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX training_participants_session ON training_participants (session_id, name);
