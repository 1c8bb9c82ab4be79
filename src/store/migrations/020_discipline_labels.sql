-- Disciplines named in Spanish and Portuguese too, as in English and French;
-- an entry without them (added before) reads in English there until an
-- administrator writes them.
ALTER TABLE disciplines ADD COLUMN label_es TEXT NOT NULL DEFAULT '';
ALTER TABLE disciplines ADD COLUMN label_pt TEXT NOT NULL DEFAULT '';
UPDATE disciplines SET label_es = 'Derecho', label_pt = 'Direito' WHERE code = 'legal';
UPDATE disciplines SET label_es = 'Modelación fiscal', label_pt = 'Modelação fiscal' WHERE code = 'fiscal_modelling';
UPDATE disciplines SET label_es = 'Economía', label_pt = 'Economia' WHERE code = 'economics';
UPDATE disciplines SET label_es = 'Geología', label_pt = 'Geologia' WHERE code = 'geology';
UPDATE disciplines SET label_es = 'Geofísica', label_pt = 'Geofísica' WHERE code = 'geophysics';
UPDATE disciplines SET label_es = 'Ingeniería de minas', label_pt = 'Engenharia de minas' WHERE code = 'mining_engineering';
UPDATE disciplines SET label_es = 'Ingeniería petrolera', label_pt = 'Engenharia de petróleos' WHERE code = 'petroleum_engineering';
UPDATE disciplines SET label_es = 'Medio ambiente', label_pt = 'Ambiente' WHERE code = 'environmental';
UPDATE disciplines SET label_es = 'Asuntos sociales y comunitarios', label_pt = 'Questões sociais e comunitárias' WHERE code = 'social_community';
UPDATE disciplines SET label_es = 'Salud y seguridad', label_pt = 'Saúde e segurança' WHERE code = 'health_safety';
UPDATE disciplines SET label_es = 'Género', label_pt = 'Género' WHERE code = 'gender';
UPDATE disciplines SET label_es = 'Contratación pública', label_pt = 'Contratação pública' WHERE code = 'procurement';
