// Agencies that have worked with a child (the child's records), since when and until when: GP registration,
// nursery or school enrolment (until the record's end), health contacts (health visiting, hospital,
// paediatrics...), the hospital of birth, settings that record who collects the child, and children's social
// care once a referral is made (until it closes). Records after $as_of do not count. One row per agency,
// across all of the child's records: `current` when a registration or enrolment is open on $as_of, or the
// agency's last contact, collection, referral or the birth was within $recent_days of it (a nursery a
// 16-year-old left years ago is not working with them).
UNWIND $records AS k
MATCH (c:Person {key: k})
CALL (c) {
  MATCH (c)-[r:REGISTERED_WITH]->(g:Agency) WHERE r.from <= $as_of
  RETURN g, r.from AS since, CASE WHEN r.to IS NULL OR r.to >= $as_of THEN null ELSE r.to END AS until,
         r.to IS NULL OR r.to >= $as_of AS open, 'registered patient' AS how
  UNION
  MATCH (c)-[r:ENROLLED_AT]->(g:Agency) WHERE r.from <= $as_of
  RETURN g, r.from AS since, CASE WHEN r.to IS NULL OR r.to >= $as_of THEN null ELSE r.to END AS until,
         r.to IS NULL OR r.to >= $as_of AS open, 'enrolled' AS how
  UNION
  MATCH (c)-[:HAD_CONTACT]->(e:Event)-[:WITH_AGENCY]->(g:Agency) WHERE e.date <= $as_of
  RETURN g, e.date AS since, e.date AS until, false AS open,
         'seen (' + replace(e.contact_type, '_', ' ') + ')' AS how
  UNION
  MATCH (b:Birth)-[:BIRTH_OF]->(c), (b)-[:AT]->(g:Agency) WHERE b.date <= $as_of
  RETURN g, b.date AS since, b.date AS until, false AS open, 'born there' AS how
  UNION
  MATCH (col:Collection)-[:OF_CHILD]->(c), (col)-[:AT]->(g:Agency) WHERE col.date <= $as_of
  RETURN g, col.date AS since, col.date AS until, false AS open, 'records collections' AS how
  UNION
  MATCH (c)<-[:ABOUT]-(r:Referral), (g:Agency {agency_type: 'childrens_social_care'}) WHERE r.date <= $as_of
  WITH g, r, CASE WHEN r.cine_close_date IS NULL OR r.cine_close_date >= $as_of THEN null
                  ELSE r.cine_close_date END AS closed
  RETURN g, r.date AS since, coalesce(closed, r.date) AS until,
         closed IS NULL AND NOT coalesce(r.cine_referral_nfa, false) AS open, 'referral' AS how
}
WITH g, min(since) AS since, collect(until) AS untils, any(o IN collect(open) WHERE o) AS open,
     collect(DISTINCT how) AS how
WITH g, since, open, how, reduce(m = null, u IN untils | CASE WHEN m IS NULL OR u > m THEN u ELSE m END) AS last
RETURN g.key AS key, g.name AS name, g.agency_type AS agency_type, since,
       CASE WHEN open THEN null ELSE last END AS until,
       open OR last >= $as_of - duration({days: $recent_days}) AS current, how
ORDER BY since, key
