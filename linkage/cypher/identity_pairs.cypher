// Every identity's records: the clusters whose pairs are scored against a ground truth.
MATCH (i:Identity)-[:HAS_RECORD]->(p:Person)
RETURN i.key AS identity, collect(p.key) AS records
