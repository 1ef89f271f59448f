-- A prefix index for partial words of 5 characters too (0070 had 2, 3 and 4).
-- Every typed word is searched as a partial word, so "eiken" also finds "eikenfineer". Without a
-- prefix index of that length FTS5 merges the lists of every word that starts so, three times per
-- search (the match, bm25's document count, the snippets): with 50,000 notes and 20,000
-- experiments a common five-letter word with dozens of compounds ("eiken") took 60 to 250 ms on a
-- busy machine, and such words set the search's p95. With this index they cost what a four-letter
-- word does.
-- Cost: the index holds about 20% more, and a save writes that much more. An index for 6 letters
-- as well doubled that cost and measured no faster (docs/search.md, "Performance").
--
-- FTS5 cannot add a prefix index to an existing table, so the table is built anew from its own
-- stored text, rowids kept: search_docs maps those rowids to notes, experiments and the rest, and
-- stays as it is.
CREATE VIRTUAL TABLE search_index_0110 USING fts5 (
  title,
  tags,
  filters,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4 5'
);
-- Oldest first, as the index was written (docs/search.md, "Indexing").
INSERT INTO search_index_0110 (rowid, title, tags, filters, body)
  SELECT rowid, title, tags, filters, body FROM search_index ORDER BY rowid;
DROP TABLE search_index;
ALTER TABLE search_index_0110 RENAME TO search_index;
