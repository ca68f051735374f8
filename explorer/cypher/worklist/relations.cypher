// How each offender a flag names stands to each child of the worklist, from the records of both identities:
// a parent on a birth record, a police associate record, a children's social care family record, a partner
// who is the child's parent, or an address both use. $pairs: [{offender, child, records}] (record keys).
UNWIND $pairs AS pair
MATCH (o:Person {key: pair.offender})
WITH pair, [o] + [(o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(r:Person) WHERE r <> o | r] AS mine
MATCH (c:Person)
WHERE c.key IN pair.records
WITH pair, mine, collect(c) AS theirs
RETURN pair.offender AS offender, pair.child AS child,
  COLLECT {
    UNWIND mine AS m
    UNWIND theirs AS t
    MATCH (m)-[r:PARENT_OF]->(t)
    RETURN DISTINCT coalesce(r.relationship, 'parent') AS how
  } AS parent,
  COLLECT {
    UNWIND mine AS m
    UNWIND theirs AS t
    MATCH (t)-[r:ASSOCIATE_OF]->(m)
    RETURN DISTINCT r.relationship AS how
  } AS associate,
  COLLECT {
    UNWIND mine AS m
    UNWIND theirs AS t
    MATCH (m)-[r:FAMILY_OF]->(t)
    RETURN DISTINCT r.relationship AS how
  } AS family_of_child,
  COLLECT {
    UNWIND mine AS m
    UNWIND theirs AS t
    MATCH (t)-[r:FAMILY_OF]->(m)
    RETURN DISTINCT r.relationship AS how
  } AS child_family_of,
  COLLECT {
    UNWIND mine AS m
    UNWIND theirs AS t
    MATCH (m)-[p:ASSOCIATE_OF|FAMILY_OF|PARTNER_OF]-(:Person)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)
          -[:PARENT_OF]->(t)
    WHERE type(p) = 'PARTNER_OF' OR p.relationship IN ['partner', 'ex_partner']
    RETURN DISTINCT coalesce(p.relationship, 'partner') AS how
  } AS partner,
  COLLECT {
    UNWIND mine AS m
    UNWIND theirs AS t
    MATCH (m)-[:REGISTERED_AT|STAYS_AT|LIVES_AT]->(a:Address)<-[:LIVES_AT|STAYS_AT|REGISTERED_AT]-(t)
    RETURN DISTINCT a.key AS how
  } AS address
