// Who else is recorded living at an address, and over which days (shared by S1 and S6; spliced in at
// `// include: child_homes`). In: `o` (the offender's record) and `a` (an Address). Out, one row per record:
// `home` (the relationship), `rec` (the record, never one of his), `ci` (its identity or null), `dob` (from any
// record of the identity, or null), `h_from`, `h_to` (at most $as_of) and `h_known` (the day it was recorded).
//   spans: GP registrations, enrolments, housing tenancies, a setting's second or weekend address for a pupil;
//   points: a birth address, children's social care's current address (known from the first referral about
//     that record), a police associate's address (from the day police recorded it). A point holds until the
//     day before the next later residence fact about the same person (any record of the identity).
CALL (o, a) {
  MATCH (a)<-[home:LIVES_AT|STAYS_AT]-(rec:Person)
  WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births', 'csc_persons',
                        'police_associates', 'education_addresses', 'housing_tenancies']
    AND NOT EXISTS { (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(rec) }
    AND rec <> o
  OPTIONAL MATCH (rec)<-[:HAS_RECORD]-(ci:Identity)
  WITH home, rec, ci, CASE WHEN ci IS NULL THEN [rec] ELSE [(ci)-[:HAS_RECORD]->(r:Person) | r] END AS kin
  WITH home, rec, ci, kin, head([k IN kin WHERE k.dob IS NOT NULL | k.dob]) AS dob
  CALL (kin) {
    UNWIND kin AS k
    MATCH (k)-[h:LIVES_AT|STAYS_AT]->(:Address)
    WHERE h.source IN ['health_gp_registrations', 'education_enrolments', 'health_births', 'police_associates',
                       'housing_tenancies']
    RETURN collect(coalesce(h.from, h.recorded)) AS c_starts
  }
  CALL (home, rec) {
    OPTIONAL MATCH (rec)<-[:ABOUT]-(ref:Referral)
    WHERE home.source = 'csc_persons' AND ref.date <= $as_of
    RETURN min(ref.date) AS referred
  }
  WITH home, rec, ci, dob, c_starts,
       CASE home.source WHEN 'csc_persons' THEN referred WHEN 'police_associates' THEN home.recorded
       WHEN 'education_addresses' THEN coalesce(home.from, home.recorded) ELSE home.from END AS h_from,
       CASE home.source WHEN 'education_addresses' THEN coalesce(home.recorded, home.from)
       WHEN 'police_associates' THEN home.recorded ELSE null END AS h_known
  WITH home, rec, ci, dob, c_starts, h_from, coalesce(h_known, h_from) AS h_known,
       home.source IN ['health_births', 'csc_persons', 'police_associates'] AS h_point
  WHERE h_from IS NOT NULL AND h_from <= $as_of
  WITH home, rec, ci, dob, h_from, h_known,
       CASE WHEN h_point THEN coalesce(reduce(m = null, d IN c_starts |
              CASE WHEN d > h_from AND (m IS NULL OR d < m) THEN d ELSE m END) - duration({days: 1}), $as_of)
            ELSE coalesce(home.to, $as_of) END AS h_to
  RETURN home, rec, ci, dob, h_from, CASE WHEN h_to > $as_of THEN $as_of ELSE h_to END AS h_to, h_known
}
