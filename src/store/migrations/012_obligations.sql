-- The obligations register: the signed contracts a government monitors, the
-- obligations in each, what was recorded against each due date, and which
-- reminders went out (so each goes out once).
CREATE TABLE monitored_contracts (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  title TEXT NOT NULL,
  hub_document_id TEXT REFERENCES hub_documents (id),
  counterparty TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  timezone TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX monitored_contracts_organisation ON monitored_contracts (organisation_id, title);
CREATE TABLE obligations (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES monitored_contracts (id),
  type TEXT NOT NULL CHECK (type IN ('payment', 'local_content', 'reporting', 'environmental', 'community')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  party TEXT NOT NULL,
  amount REAL,
  currency TEXT NOT NULL,
  target TEXT NOT NULL,
  first_due TEXT NOT NULL,
  recurrence TEXT NOT NULL CHECK (recurrence IN ('once', 'monthly', 'quarterly', 'yearly')),
  end_of_month INTEGER NOT NULL,
  until_date TEXT NOT NULL,
  remind_days INTEGER NOT NULL,
  clause TEXT NOT NULL,
  source_annotation_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX obligations_contract ON obligations (contract_id, first_due);
CREATE TABLE obligation_fulfilments (
  obligation_id TEXT NOT NULL REFERENCES obligations (id),
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('met', 'partly_met', 'waived')),
  evidence TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (obligation_id, due_date)
);
CREATE TABLE obligation_reminders (
  obligation_id TEXT NOT NULL REFERENCES obligations (id),
  due_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (obligation_id, due_date, kind)
);
