-- Documents, their annotation layers, entities and mentions.
CREATE TABLE documents (
    id               TEXT PRIMARY KEY,
    source           TEXT,
    title            TEXT,
    published        TEXT,
    lang             TEXT,
    ingested_at      TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    meta             TEXT NOT NULL DEFAULT '{}',
    raw              TEXT,            -- NULL when identical to text
    text             TEXT NOT NULL,
    offsets          TEXT NOT NULL    -- OffsetMap JSON
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_lang ON documents(lang);

CREATE TABLE layers (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name   TEXT NOT NULL,
    spans  TEXT NOT NULL,             -- JSON list of [start, end, label, attrs]
    PRIMARY KEY (doc_id, name)
);

CREATE TABLE entities (
    id        TEXT PRIMARY KEY,
    type      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    attrs     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX entities_canonical ON entities(canonical);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    type      TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, end)
);
CREATE INDEX mentions_entity ON mentions(entity_id);
