-- Referrals of requests to other support providers of the directory, with
-- the government's consent and the provider's answers as they come.
CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  provider_id TEXT NOT NULL REFERENCES hub_providers (id),
  part TEXT NOT NULL CHECK (part IN ('whole', 'discipline', 'phase')),
  discipline TEXT NOT NULL,
  phase TEXT NOT NULL,
  note TEXT NOT NULL,
  consent TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'declined', 'completed')),
  outcome TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  proposed_at TEXT NOT NULL,
  responded_at TEXT NOT NULL,
  completed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX referrals_request ON referrals (request_id, proposed_at);
