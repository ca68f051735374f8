// Names and keys the simulated analysts look up: a spread of person records, not the first few loaded.
MATCH (p:Person)
WHERE p.surname IS NOT NULL AND rand() < $share
RETURN p.key AS key, p.forenames AS forenames, p.surname AS surname
LIMIT $limit
