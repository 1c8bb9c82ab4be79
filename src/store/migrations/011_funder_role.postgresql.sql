-- The read-only funder role (impact reports only): the role constraints of
-- users and invitations widened in place (PostgreSQL names an inline CHECK
-- on a column <table>_<column>_check).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('government', 'expert', 'coordinator', 'admin', 'funder'));
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('government', 'expert', 'coordinator', 'admin', 'funder'));
