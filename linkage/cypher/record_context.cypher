// For records without a date of birth: the person records they were written about (the child collected,
// the nominal associated with, the baby and its mother, the nominal an intelligence report is about).
UNWIND $keys AS k
MATCH (p:Person {key: k})
OPTIONAL MATCH (p)-[r1]-(x)-[r2]-(q:Person)
WHERE q <> p AND NOT q:Practitioner AND NOT x:Agency AND NOT x:Address AND NOT x:Identity
WITH p, collect(DISTINCT q.key) AS two_hop
OPTIONAL MATCH (p)-[r]-(q:Person)
WHERE NOT q:Practitioner
WITH p, two_hop, collect(DISTINCT q.key) AS one_hop
RETURN p.key AS key, two_hop + one_hop AS neighbours
