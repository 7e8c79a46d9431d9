-- The knowledge base: resolved mentions, aliases, roles, quotes, events with their arguments,
-- document topics, and the user's corrections (kept apart, re-applied at every save).
ALTER TABLE mentions ADD COLUMN canonical TEXT;
ALTER TABLE mentions ADD COLUMN why TEXT;
ALTER TABLE mentions ADD COLUMN source TEXT;

CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,          -- folded form used for lookups
    lang      TEXT,
    source    TEXT NOT NULL,          -- authority | mention | correction
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX aliases_key ON aliases(key);

-- last-name key of every resolved person, for surname-only mentions in later documents
CREATE TABLE person_surnames (
    surname   TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (surname, entity_id)
);

CREATE TABLE roles (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    person_id      TEXT,
    person         TEXT NOT NULL,
    title          TEXT NOT NULL,
    title_id       TEXT,
    affiliation    TEXT,
    affiliation_id TEXT,
    date           TEXT,
    attrs          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX roles_doc ON roles(doc_id);
CREATE INDEX roles_person ON roles(person_id);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    speaker_id    TEXT,
    speaker       TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    date          TEXT,
    attrs         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,      -- ev- + hash(doc, type, trigger): stable across re-ingests
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type          TEXT NOT NULL,
    trigger_start INTEGER,
    trigger_end   INTEGER,
    start         INTEGER NOT NULL,      -- evidence sentence
    end           INTEGER NOT NULL,
    date          TEXT,
    date_source   TEXT,
    place         TEXT,
    place_id      TEXT,
    confidence    REAL,
    corrected     INTEGER NOT NULL DEFAULT 0,
    attrs         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type_date ON events(type, date);

CREATE TABLE event_args (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    entity_id TEXT,
    value     TEXT NOT NULL,
    start     INTEGER,
    end       INTEGER
);
CREATE INDEX event_args_event ON event_args(event_id);
CREATE INDEX event_args_entity ON event_args(entity_id);

CREATE TABLE event_topics (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    PRIMARY KEY (event_id, topic)
);
CREATE INDEX event_topics_topic ON event_topics(topic);

CREATE TABLE doc_topics (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    topic  TEXT NOT NULL,
    hits   INTEGER NOT NULL,
    terms  TEXT NOT NULL,              -- JSON list of evidence terms
    PRIMARY KEY (doc_id, topic)
);
CREATE INDEX doc_topics_topic ON doc_topics(topic);

CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,          -- retype | rename | merge | split | delete_event | edit_event
    target     TEXT NOT NULL,          -- entity id, event id, or doc_id:start:end for split
    payload    TEXT NOT NULL DEFAULT '{}',
    author     TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX corrections_target ON corrections(target);
