-- References a later document may resolve: a lone surname that matched no one, or an honorific
-- + title (السيدة الوزيرة) without a holder. Keyed so an ingest re-resolves only what it can help.
CREATE TABLE pending_refs (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind   TEXT NOT NULL,              -- surname | title
    key    TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, key)
);
CREATE INDEX pending_refs_key ON pending_refs(kind, key);
