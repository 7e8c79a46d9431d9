-- What the search tables were built with (marsad.search.stamp): key 'analyzer' holds the
-- analyzer's fingerprint; a different one means the stored terms must be rebuilt.
CREATE TABLE IF NOT EXISTS search_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
