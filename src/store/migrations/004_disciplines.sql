-- The disciplines codelist, kept by administrators (retired entries stay so
-- that records naming them keep their label).
CREATE TABLE disciplines (
  code TEXT PRIMARY KEY,
  label_en TEXT NOT NULL,
  label_fr TEXT NOT NULL,
  active INTEGER NOT NULL,
  position INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
INSERT INTO disciplines (code, label_en, label_fr, active, position, updated_at, updated_by) VALUES
  ('legal', 'Legal', 'Droit', 1, 10, '2026-01-01T00:00:00Z', 'system'),
  ('fiscal_modelling', 'Fiscal modelling', 'Modélisation fiscale', 1, 20, '2026-01-01T00:00:00Z', 'system'),
  ('economics', 'Economics', 'Économie', 1, 30, '2026-01-01T00:00:00Z', 'system'),
  ('geology', 'Geology', 'Géologie', 1, 40, '2026-01-01T00:00:00Z', 'system'),
  ('geophysics', 'Geophysics', 'Géophysique', 1, 50, '2026-01-01T00:00:00Z', 'system'),
  ('mining_engineering', 'Mining engineering', 'Génie minier', 1, 60, '2026-01-01T00:00:00Z', 'system'),
  ('petroleum_engineering', 'Petroleum engineering', 'Génie pétrolier', 1, 70, '2026-01-01T00:00:00Z', 'system'),
  ('environmental', 'Environmental', 'Environnement', 1, 80, '2026-01-01T00:00:00Z', 'system'),
  ('social_community', 'Social and community', 'Social et communautés', 1, 90, '2026-01-01T00:00:00Z', 'system'),
  ('health_safety', 'Health and safety', 'Santé et sécurité', 1, 100, '2026-01-01T00:00:00Z', 'system'),
  ('gender', 'Gender', 'Genre', 1, 110, '2026-01-01T00:00:00Z', 'system'),
  ('procurement', 'Procurement', 'Passation de marchés', 1, 120, '2026-01-01T00:00:00Z', 'system');
