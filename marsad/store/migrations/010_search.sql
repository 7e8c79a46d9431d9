-- Full-text search (marsad.search): analysed terms in FTS5 tables at document and sentence
-- level, and a trigram table over search keys for names and partial words.
CREATE TABLE search_docs (
    rowid     INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL UNIQUE,
    published TEXT,
    lang      TEXT,
    source    TEXT,
    sig       BLOB              -- MinHash signature for near-duplicate collapsing
);
CREATE INDEX search_docs_published ON search_docs(published);

CREATE TABLE search_sents (
    rowid     INTEGER PRIMARY KEY,
    doc_rowid INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL
);
CREATE INDEX search_sents_doc ON search_sents(doc_rowid);

-- rowid = search_docs.rowid; columns hold analysed terms joined by spaces (light: unstemmed terms)
CREATE VIRTUAL TABLE search_doc_fts USING fts5(title, body, light, tokenize = 'unicode61 remove_diacritics 0');

-- rowid = search_sents.rowid
CREATE VIRTUAL TABLE search_sent_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');

-- rowid = search_docs.rowid; the distinct search keys of the title and text
CREATE VIRTUAL TABLE search_trigram USING fts5(keys, tokenize = 'trigram');
