-- One search across the centre: notes, experiments, machines, people, symposium sessions.
-- Written by src/main/search/searchIndex.ts (services call it in their own write transactions);
-- docs/search.md explains the query language and the ranking.

-- Which document each index row is. doc_id is the row's rowid in search_index. A document gets a
-- new, higher doc_id every time it is (re)indexed, so "highest rowid first" means "most recently
-- written first": the order in which the ranking draws its bounded candidate set. Machines, people
-- and sessions take their ids from a band above 2^40, notes and experiments from below it, so the
-- few reference documents always come first in that order (docs/search.md, "Ranking").
CREATE TABLE search_docs (
  doc_id  INTEGER PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('note', 'experiment', 'equipment', 'person', 'session')),
  ref_id  INTEGER NOT NULL CHECK (ref_id > 0),
  UNIQUE (kind, ref_id)
) STRICT;

-- title, tags and body are what typed words match (bm25 weights 10, 4, 1). `filters` holds the
-- kind, outcome, author and tags once more as words behind private-use marker characters
-- (U+E002 kind and outcome, U+E003 author, U+E004 tag, U+E005 between groups): typed words never
-- contain those characters, so they can never match this column, and the filters `type:`,
-- `outcome:`, `author:`, `tag:` are plain index look-ups without a column filter.
-- remove_diacritics 2 folds "café" and "cafe" to one word; the prefix indexes answer partial words
-- of 2 to 4 characters straight from the index instead of merging every word that starts so.
CREATE VIRTUAL TABLE search_index USING fts5 (
  title,
  tags,
  filters,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
