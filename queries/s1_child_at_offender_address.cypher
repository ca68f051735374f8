// ---
// name: s1_child_at_offender_address
// title: A child lives at an address an offender lives at, stays at or frequents
// signal: S1
// severity: critical
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   Mr A registered Ms R's address only as an 'additional' address and stayed there three nights a week
//   while her children lived there; no one visited to see who lived there (review 3.8, 3.12, 3.25).
//   Any registered, additional, staying or frequented address of an offender under management where a
//   child is recorded living (GP registration, school or nursery enrolment, birth) raises this flag,
//   whatever his recorded risk level.
// action: >
//   Refer to children's social care and hold a strategy discussion (Rec 1, Rec 2); visit the address to
//   establish who lives there; consider disclosure to the parent.
// ---
// One flag per offender and address. Children are records whose holder was under 18 during an overlap of
// their residence with the offender's use of the address, while he was under notification requirements.
MATCH (o:Offender)-[np_rel:SUBJECT_OF]->(np:NotificationPeriod)
WHERE np_rel.from <= $as_of
CALL (o) {
  MATCH (o)-[reg:REGISTERED_AT]->(a:Address)
  WHERE reg.from <= $as_of
  RETURN a, reg.from AS p_from, coalesce(reg.to, $as_of) AS p_to, reg.source AS p_feed, reg.source_id AS p_id,
         reg.from AS p_date, reg.type + ' address' AS p_what
  UNION
  MATCH (i:Intelligence {category: 'staying_at_address'})-[:ABOUT]->(o), (i)-[:MENTIONS]->(a:Address)
  WHERE i.date <= $as_of
  RETURN a, i.date AS p_from, i.date AS p_to, i.source AS p_feed, i.source_id AS p_id, i.date AS p_date,
         'intelligence: staying at the address' AS p_what
}
MATCH (a)<-[home:LIVES_AT]-(child:Person)
WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births']
  AND home.from <= $as_of AND child.dob IS NOT NULL
  AND NOT EXISTS { (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(child) }
WITH o, np_rel, a, p_from, p_to, p_feed, p_id, p_date, p_what, home, child,
     [p_from, home.from, np_rel.from, child.dob] AS starts,
     [p_to, CASE home.source WHEN 'health_births' THEN home.from ELSE coalesce(home.to, $as_of) END,
      coalesce(np_rel.to, $as_of), child.dob + duration({years: 18}) - duration({days: 1}), $as_of] AS ends
WITH o, a, p_feed, p_id, p_date, p_what, home, child,
     reduce(m = starts[0], d IN starts | CASE WHEN d > m THEN d ELSE m END) AS start,
     reduce(m = ends[0], d IN ends | CASE WHEN d < m THEN d ELSE m END) AS end
WHERE start <= end
OPTIONAL MATCH (child)<-[:HAS_RECORD]-(ci:Identity)
WITH o, a, coalesce(ci.key, child.key) AS child_key, start, p_feed, p_id, p_date, p_what, home, child
WITH o, a, child_key, min(start) AS child_from, collect(DISTINCT child.key) AS records,
     head(collect(child.forenames + ' ' + child.surname)) AS name, head(collect(child.dob)) AS dob,
     collect(DISTINCT {agency: 'police', feed: p_feed, record_id: p_id, date: p_date, what: p_what}) AS places,
     collect(DISTINCT {agency: CASE home.source WHEN 'education_enrolments' THEN 'education' ELSE 'health' END,
                       feed: home.source, record_id: home.source_id, date: home.from,
                       what: child.forenames + ' ' + child.surname + ' recorded living here'}) AS homes,
     collect(DISTINCT p_what) AS uses
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, a, team, min(child_from) AS detected_on,
     collect({key: child_key, name: name, dob: dob, records: records, from: child_from}) AS child_rows,
     reduce(acc = [], x IN collect(places) | acc + [e IN x WHERE NOT e IN acc]) +
     reduce(acc = [], x IN collect(homes) | acc + x) AS evidence,
     reduce(acc = [], x IN collect(uses) | acc + [u IN x WHERE NOT u IN acc]) AS uses
RETURN
  child_rows AS children,
  {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'}] AS people,
  [a.key] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + o.forenames + ' ' + o.surname + ')-[' + reduce(t = '', u IN uses | t + CASE t WHEN '' THEN '' ELSE ', ' END + u) +
   ']->(' + a.key + ')<-[lives at]-(' + reduce(t = '', c IN child_rows | t + CASE t WHEN '' THEN '' ELSE ', ' END + c.name) + ')'] AS path,
  evidence,
  detected_on,
  toString(size(child_rows)) + ' child(ren) recorded living at ' + a.key + ', an address ' + o.forenames + ' ' +
  o.surname + ' uses while under notification requirements' AS summary
ORDER BY detected_on
