// Agencies working with a child (the child's records), and since when: GP registration, nursery or school
// enrolment, health contacts (health visiting, hospital, paediatrics...), the hospital of birth, settings that
// record who collects the child, and children's social care once a referral is made. Records after $as_of
// do not count. One row per agency, across all of the child's records.
UNWIND $records AS k
MATCH (c:Person {key: k})
CALL (c) {
  MATCH (c)-[r:REGISTERED_WITH]->(g:Agency) WHERE r.from <= $as_of
  RETURN g, r.from AS since, 'registered patient' AS how
  UNION
  MATCH (c)-[r:ENROLLED_AT]->(g:Agency) WHERE r.from <= $as_of
  RETURN g, r.from AS since, 'enrolled' AS how
  UNION
  MATCH (c)-[:HAD_CONTACT]->(e:Event)-[:WITH_AGENCY]->(g:Agency) WHERE e.date <= $as_of
  RETURN g, e.date AS since, 'seen (' + replace(e.contact_type, '_', ' ') + ')' AS how
  UNION
  MATCH (b:Birth)-[:BIRTH_OF]->(c), (b)-[:AT]->(g:Agency) WHERE b.date <= $as_of
  RETURN g, b.date AS since, 'born there' AS how
  UNION
  MATCH (col:Collection)-[:OF_CHILD]->(c), (col)-[:AT]->(g:Agency) WHERE col.date <= $as_of
  RETURN g, col.date AS since, 'records collections' AS how
  UNION
  MATCH (c)<-[:ABOUT]-(r:Referral), (g:Agency {agency_type: 'childrens_social_care'}) WHERE r.date <= $as_of
  RETURN g, r.date AS since, 'referral' AS how
}
RETURN g.key AS key, g.name AS name, g.agency_type AS agency_type, min(since) AS since, collect(DISTINCT how) AS how
ORDER BY since, key
