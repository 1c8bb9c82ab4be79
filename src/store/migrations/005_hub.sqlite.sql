-- The resource hub: documents with their metadata, publication history,
-- pages of text, annotations, and the full-text indexes (SQLite FTS5: one
-- row per document for ranking, one per page for snippets and page numbers).
CREATE TABLE hub_documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ocid TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  country TEXT NOT NULL,
  contract_type TEXT NOT NULL,
  document_type TEXT NOT NULL,
  language TEXT NOT NULL,
  year INTEGER NOT NULL,
  -- "|copper|gold|": filters and facets without parsing JSON
  resources_key TEXT NOT NULL,
  companies_key TEXT NOT NULL,
  categories_key TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  status TEXT NOT NULL,
  confidential INTEGER NOT NULL,
  meta_json TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  page_count INTEGER NOT NULL,
  ocr INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX hub_documents_status ON hub_documents (status, confidential);
CREATE INDEX hub_documents_file ON hub_documents (file_sha256);
CREATE INDEX hub_documents_parent ON hub_documents (parent_id);
CREATE TABLE hub_status_changes (
  document_id TEXT NOT NULL REFERENCES hub_documents (id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX hub_status_changes_document ON hub_status_changes (document_id);
-- id = document seq * 100000 + page number: one document's pages are one
-- rowid range of the page index.
CREATE TABLE hub_pages (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES hub_documents (id),
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  quality TEXT NOT NULL,
  source TEXT NOT NULL,
  edited_by TEXT NOT NULL
);
CREATE INDEX hub_pages_document ON hub_pages (document_id, number);
CREATE TABLE hub_annotations (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES hub_documents (id),
  category TEXT NOT NULL,
  summary TEXT NOT NULL,
  language TEXT NOT NULL,
  pages_json TEXT NOT NULL,
  article TEXT NOT NULL,
  translations_json TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX hub_annotations_document ON hub_annotations (document_id);
CREATE INDEX hub_annotations_category ON hub_annotations (category);
CREATE VIRTUAL TABLE hub_fts USING fts5(
  title, meta, annotations, body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE hub_page_fts USING fts5(
  text, content = 'hub_pages', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
