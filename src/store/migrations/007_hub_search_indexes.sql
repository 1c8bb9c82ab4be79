-- Searches with filters start from the documents that pass them and look up
-- each one in the full-text index, instead of ranking every match first.
CREATE INDEX hub_documents_country ON hub_documents (country);
CREATE INDEX hub_documents_contract_type ON hub_documents (contract_type);
CREATE INDEX hub_documents_kind ON hub_documents (kind);
CREATE INDEX hub_documents_year ON hub_documents (year);
