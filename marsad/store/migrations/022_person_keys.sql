-- Spelling-tolerant keys of people's full names (names.skeleton), and a folded key of each
-- role's title, for resolving transliteration variants and title references across documents.
CREATE TABLE person_keys (
    skeleton  TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (skeleton, entity_id)
);
ALTER TABLE roles ADD COLUMN title_key TEXT;
ALTER TABLE roles ADD COLUMN country TEXT;
CREATE INDEX roles_title_key ON roles(title_key);
