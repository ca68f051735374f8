// For records without a date of birth: the person records they were written about (the child collected,
// the nominal associated with, the baby and its mother, the nominal an intelligence report is about).
// Only what the agencies recorded: never the pairs an earlier resolve scored (MAY_BE_SAME), or what a record
// was written about would change with each run.
UNWIND $keys AS k
MATCH (p:Person {key: k})
OPTIONAL MATCH (p)-[r1]-(x)-[r2]-(q:Person)
WHERE q <> p AND NOT q:Practitioner AND NOT x:Agency AND NOT x:Address AND NOT x:Identity
  AND NOT x:IdentityDraft AND NOT x:IdentityRetired
  AND type(r1) <> 'MAY_BE_SAME' AND type(r2) <> 'MAY_BE_SAME'
WITH p, collect(DISTINCT q.key) AS two_hop
OPTIONAL MATCH (p)-[r]-(q:Person)
WHERE NOT q:Practitioner AND type(r) <> 'MAY_BE_SAME'
WITH p, two_hop, collect(DISTINCT q.key) AS one_hop
RETURN p.key AS key, two_hop + one_hop AS neighbours
