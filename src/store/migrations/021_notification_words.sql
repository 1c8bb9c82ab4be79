-- A notification keeps the facts its words are made of (the mail catalog's
-- kind and parameters), so that each reader reads it in their language,
-- today's and after they change it. Earlier notifications keep their text.
ALTER TABLE notifications ADD COLUMN params_json TEXT NOT NULL DEFAULT '';
