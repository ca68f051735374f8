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
//   Any address a sexual offender lives at, stays at or frequents (registered with police, found or reported
//   staying there, his own GP registration or tenancy, a visit that finds him there, intelligence, or a note
//   saying he stays at his partner's: from a note, the flag says so and cites the sentence) where a
//   child is recorded living (birth address, GP registration, housing tenancy, school or nursery enrolment and
//   its second or weekend address, children's social care, police associates) at the same time raises this
//   flag on the day the overlap is knowable, whatever his recorded risk level. Risk is never zero (5.1): when neither his
//   notification requirements nor an order were in force during the overlap, the severity is lower (high);
//   the child is never hidden. A fact holds from its date until a later fact about that person replaces it.
// action: >
//   Refer to children's social care and hold a strategy discussion (Rec 1, Rec 2); visit the address to
//   establish who lives there; consider disclosure to the parent.
// ---
// One flag per offender and address (after address linkage: one Address node per dwelling).
// Offenders: police nominals with a Schedule 3 conviction or notification requirements, from the earlier of
// the two (`since`). Facts place a person at an address over a span:
//   spans (their own from..to, open to $as_of): police registrations (REGISTERED_AT), GP registrations,
//     enrolments and housing tenancies (LIVES_AT), stays found or reported (STAYS_AT: from..to, known on
//     `recorded`), a setting's second or weekend address for a pupil (STAYS_AT from education_addresses);
//   points (a date, no end): a birth address, a visit that finds him at an address, intelligence that he stays
//     there, a note saying he stays at his partner's (a `stays_at` NoteFact resolved to her address on the
//     note's date, notes/cypher/resolve_stays.cypher), a police associate's address (recorded), children's social care's current address (known from
//     the first referral about that record). A point holds from its date until the day before the next later
//     fact about the same person (any of the identity's records, any address), else to $as_of.
// The overlap of one of his facts with one of a child's facts at the address, clipped to [since, $as_of] and to
// the child's childhood (dob from any record of the child's identity), raises the flag on the day it is
// knowable: the latest of its start and the days each fact was recorded. Severity: critical when a
// notification period or an order (SUBJECT_OF) is in force on some day of an overlap, else high. A flag whose
// every fact of his is from a note has confidence 'from a note' (its evidence cites the sentence) and its fact
// names the note's sentence (record:stays_at:n).
MATCH (o:Person)
USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
CALL (o) {
  OPTIONAL MATCH (o)-[:CONVICTED_OF]->(c:Conviction)
  WHERE c.schedule_3 AND c.date <= $as_of
  WITH o, min(c.date) AS convicted
  OPTIONAL MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
  WHERE np.from <= $as_of
  WITH convicted, min(np.from) AS notified
  RETURN CASE WHEN convicted IS NULL OR notified < convicted THEN notified ELSE convicted END AS since
}
WITH o, since
WHERE since IS NOT NULL
OPTIONAL MATCH (o)<-[:HAS_RECORD]-(oi:Identity)
WITH o, since, CASE WHEN oi IS NULL THEN [o] ELSE [(oi)-[:HAS_RECORD]->(r:Person) | r] END AS selves
// His facts: every record of his identity placing him at an address (queries/cypher/offender_places.cypher).
// include: offender_places
WITH o, since, a, f, f_to
WHERE since <= f_to
// Children recorded at the address, each over its own span (queries/cypher/child_homes.cypher).
// include: child_homes
WITH o, since, a, f, f_to, home, rec, ci, dob, h_from, h_to, h_known
WHERE dob IS NOT NULL AND dob <= $as_of
WITH o, a, f, home, rec, ci, dob, h_known,
     reduce(m = since, d IN [f.from, h_from, dob] | CASE WHEN d > m THEN d ELSE m END) AS start,
     reduce(m = $as_of, d IN [f_to, h_to, dob + duration({years: 18}) - duration({days: 1})] |
            CASE WHEN d < m THEN d ELSE m END) AS end
WHERE start <= end
WITH o, a, f, home, rec, ci, dob, start, end, h_known,
     reduce(m = start, d IN [f.known, h_known] | CASE WHEN d > m THEN d ELSE m END) AS knowable,
     EXISTS {
       MATCH (o)-[s:SUBJECT_OF]->(:NotificationPeriod|Order)
       WHERE s.from <= end AND (s.to IS NULL OR start <= s.to)
     } AS managed
WHERE knowable <= $as_of
WITH o, a, f, home, rec, dob, start, knowable, managed, coalesce(ci.key, rec.key) AS child_key,
     {agency: CASE home.source WHEN 'education_enrolments' THEN 'education' WHEN 'education_addresses' THEN 'education'
                               WHEN 'csc_persons' THEN 'childrens_social_care' WHEN 'police_associates' THEN 'police'
                               WHEN 'housing_tenancies' THEN 'housing' ELSE 'health' END,
      feed: home.source, record_id: home.source_id, date: h_known,
      what: coalesce(rec.forenames + ' ', '') + coalesce(rec.surname, '') + ' recorded ' +
            CASE type(home) WHEN 'STAYS_AT' THEN 'staying' ELSE 'living' END + ' here'} AS home_ev,
     CASE WHEN f.sentence IS NULL THEN {agency: f.agency, feed: f.feed, record_id: f.rid, date: f.known, what: f.what}
          ELSE {agency: f.agency, feed: f.feed, record_id: f.rid, date: f.known, what: f.what, note: f.note,
                from_note: true, sentence: f.sentence} END AS place_ev
ORDER BY knowable, f.feed, f.rid
WITH o, a, child_key, dob, min(knowable) AS child_from, min(start) AS first_day, collect(DISTINCT rec.key) AS records,
     head(collect(rec.forenames + ' ' + rec.surname)) AS name, head(collect(place_ev)) AS first_place,
     collect(DISTINCT place_ev) AS places, collect(DISTINCT home_ev) AS homes, collect(DISTINCT f.what) AS uses,
     max(CASE WHEN managed THEN 1 ELSE 0 END) = 1 AS managed
WITH o, a, child_key, dob, child_from, records, name, first_place, places, homes, uses, managed,
     all(e IN places WHERE coalesce(e.from_note, false)) AS noted
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, a, team, child_key, dob, child_from, records, name, first_place, places, homes, uses, managed, noted
ORDER BY child_from, child_key
WITH o, a, team, min(child_from) AS detected_on, head(collect(first_place)) AS trigger,
     collect({key: child_key, name: coalesce(name, child_key), dob: dob, records: records, from: child_from}) AS child_rows,
     reduce(acc = [], x IN collect(places) | acc + [e IN x WHERE NOT e IN acc]) +
     reduce(acc = [], x IN collect(homes) | acc + [e IN x WHERE NOT e IN acc]) AS evidence,
     reduce(acc = [], x IN collect(uses) | acc + [u IN x WHERE NOT u IN acc]) AS uses,
     max(CASE WHEN managed THEN 1 ELSE 0 END) = 1 AS managed, min(CASE WHEN noted THEN 1 ELSE 0 END) = 1 AS noted
WITH o, a, team, detected_on, trigger, child_rows, evidence, uses, managed, noted,
     o.forenames + ' ' + o.surname AS offender
RETURN
  child_rows AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [a.key] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[' + reduce(t = '', u IN uses | t + CASE t WHEN '' THEN '' ELSE ', ' END + u) +
   ']->(' + a.key + ')<-[lives at]-(' + reduce(t = '', c IN child_rows | t + CASE t WHEN '' THEN '' ELSE ', ' END + c.name) + ')'] AS path,
  evidence,
  detected_on,
  toString(size(child_rows)) + ' child(ren) recorded living at ' + a.key + ', an address ' + offender +
    CASE WHEN noted THEN ' stays at as described in a note (his partner\'s address; to confirm)' ELSE ' uses' END +
    CASE WHEN managed THEN ' while under notification requirements or an order'
         ELSE ' after his notification requirements and orders ended (risk is never zero)' END AS summary,
  trigger.feed + ':' + trigger.record_id + coalesce(':' + trigger.note, '') AS fact,
  CASE WHEN managed THEN 'critical' ELSE 'high' END AS severity,
  CASE WHEN noted THEN 'from a note' END AS confidence
ORDER BY detected_on
