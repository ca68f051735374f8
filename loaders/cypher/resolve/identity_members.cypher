// Current identities and their records: the clusters an incremental resolve extends.
MATCH (i:Identity)-[:HAS_RECORD]->(p:Person)
RETURN i.key AS identity, collect(p.key) AS records
