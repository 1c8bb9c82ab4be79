-- REAL is an 8-byte float in SQLite but a 4-byte one in PostgreSQL, where
-- USD 1,234,567,890.12 would come back as 1,234,567,936: every REAL column of
-- the portable migrations becomes double precision there. Future portable
-- migrations write DOUBLE PRECISION, which SQLite also reads as REAL.
ALTER TABLE request_value_added ALTER COLUMN government_total TYPE double precision,
  ALTER COLUMN government_pv TYPE double precision,
  ALTER COLUMN discount_rate TYPE double precision;
ALTER TABLE request_feedback ALTER COLUMN estimated_added_value TYPE double precision;
ALTER TABLE obligations ALTER COLUMN amount TYPE double precision;
ALTER TABLE courses ALTER COLUMN hours TYPE double precision;
