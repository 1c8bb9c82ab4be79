-- Hub search in the document's language on PostgreSQL. A document and its
-- pages are stemmed with the text search configuration of the language they
-- are written in (hub_search_config), so that "tributações" finds
-- "tributação" in Portuguese as "royalties" finds "royalty" in English, and a
-- query is read in the four portal languages at once (hub_search_query).
-- Snowball stemmers need the accents ("stabilité" and "stabilite" stem
-- apart), so each word is indexed twice at its one position: stemmed then
-- stripped of accents, and stripped then stemmed; a query looks for both,
-- and for its stems with their accents, which ts_headline marks in the text.
CREATE FUNCTION hub_search_config(language TEXT) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE language WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'pt' THEN 'portuguese' ELSE 'english' END)::regconfig $$;
CREATE FUNCTION hub_search_vector(language TEXT, body TEXT) RETURNS tsvector
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (unaccent(to_tsvector(hub_search_config(language), body)::text) || ' ' || to_tsvector(hub_search_config(language), unaccent(body))::text)::tsvector $$;
CREATE FUNCTION hub_language_query(config regconfig, words TEXT) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT websearch_to_tsquery(config, words) || unaccent(websearch_to_tsquery(config, words)::text)::tsquery || websearch_to_tsquery(config, unaccent(words)) $$;
CREATE FUNCTION hub_search_query(words TEXT) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT hub_language_query('english', words) || hub_language_query('french', words) || hub_language_query('spanish', words) || hub_language_query('portuguese', words) $$;
-- Pages are indexed again here; a document's own vector is rebuilt when it
-- next changes (or by `connex db copy`), and until then its English stems
-- still meet the English reading of every query.
UPDATE hub_pages SET search = hub_search_vector(d.language, hub_pages.text)
  FROM hub_documents d WHERE d.id = hub_pages.document_id;
