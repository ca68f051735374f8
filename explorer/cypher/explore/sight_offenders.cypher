// Offenders linked to a child (the child's records): sharing an address the child lives at (registered,
// staying, frequenting or living there, or placed there by intelligence), parent on a birth or family
// record, police associate, subject of a MERLIN or an intelligence report naming the child, or the adult
// seen collecting the child. Each offender as an identity with his police record keys (disclosures are
// recorded against them), what he is subject to, and `since`: the day the earliest of his links to the child
// began (the later of the two address records, the birth, the day police recorded the association...).
UNWIND $records AS k
MATCH (c:Person {key: k})
CALL (c) {
  MATCH (c)-[l:LIVES_AT]->(:Address)<-[r:REGISTERED_AT|LIVES_AT]-(x:Person)
  WHERE coalesce(r.from, r.recorded, date('1900-01-01')) <= $as_of AND coalesce(l.from, date('1900-01-01')) <= $as_of
  WITH x, coalesce(r.from, r.recorded) AS his, l.from AS hers
  RETURN x, 'shares an address' AS how, CASE WHEN his IS NULL OR hers > his THEN hers ELSE his END AS since
  UNION
  MATCH (c)-[:LIVES_AT]->(:Address)<-[:MENTIONS]-(e:Intelligence)-[:ABOUT]->(x:Person) WHERE e.date <= $as_of
  RETURN x, 'intelligence places him at the address' AS how, e.date AS since
  UNION
  MATCH (c)<-[r:PARENT_OF|FAMILY_OF]-(x:Person) RETURN x, 'parent or family' AS how, coalesce(r.from, c.dob) AS since
  UNION
  MATCH (c)-[r:ASSOCIATE_OF]-(x:Person) WHERE coalesce(r.recorded, r.from) <= $as_of
  RETURN x, 'police associate (' + coalesce(r.relationship, 'unspecified') + ')' AS how,
         coalesce(r.from, r.recorded) AS since
  UNION
  MATCH (c)<-[:CONCERNS_CHILD|MENTIONS]-(e:Event)-[:ABOUT]->(x:Person) WHERE e.date <= $as_of
  RETURN x, e.kind + ' about him names the child' AS how, e.date AS since
  UNION
  MATCH (c)<-[:OF_CHILD]-(col:Collection)-[:BY_ADULT]->(x:Person) WHERE col.date <= $as_of
  RETURN x, 'seen collecting the child' AS how, col.date AS since
}
MATCH (x)<-[:HAS_RECORD]-(i:Identity)
WHERE EXISTS { (i)-[:HAS_RECORD]->(:Offender) } AND NOT (c)<-[:HAS_RECORD]-(i)
WITH i, collect(DISTINCT how) AS how, min(since) AS since
MATCH (i)-[:HAS_RECORD]->(pol:Person) WHERE pol.nominal_id IS NOT NULL
WITH i, how, since, collect(DISTINCT pol) AS nominals
RETURN i.key AS identity, head([n IN nominals | n.forenames + ' ' + n.surname]) AS name, how, since,
       [n IN nominals | n.key] AS nominals,
       head([n IN nominals | n.mappa_category]) AS mappa_category, head([n IN nominals | n.mappa_level]) AS mappa_level,
       [n IN nominals | [(n)-[s:SUBJECT_OF]->(o:Order)-[:HAS_CONDITION]->(cd:Condition)
                         WHERE s.from <= $as_of AND (s.to IS NULL OR s.to >= $as_of) |
                         o.order_type + ': ' + cd.condition_text]] AS conditions
