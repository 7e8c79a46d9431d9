-- Question answering (marsad.qa) looks up question n-grams among stored mention texts.
CREATE INDEX IF NOT EXISTS mentions_text ON mentions(text);
