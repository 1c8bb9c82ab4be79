-- Type names the portable migrations use that PostgreSQL lacks: BLOB columns
-- are bytea there (store/sql_request_repository.cpp moves their bytes as hex).
CREATE DOMAIN blob AS bytea;
