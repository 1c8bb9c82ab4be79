-- A government may publish a contract's obligations register for citizens:
-- when and by whom it was published ('' while it is not), and for each
-- record whether its evidence is shown with it.
ALTER TABLE monitored_contracts ADD COLUMN published_at TEXT NOT NULL DEFAULT '';
ALTER TABLE monitored_contracts ADD COLUMN published_by TEXT NOT NULL DEFAULT '';
ALTER TABLE obligation_fulfilments ADD COLUMN evidence_public INTEGER NOT NULL DEFAULT 0;
