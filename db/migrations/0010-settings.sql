-- Centre-wide settings as key/value pairs; values are JSON.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES
  ('centreName', '"Kenniscentrum Werkbank"'),
  ('timeZone', '"Europe/Amsterdam"');
