// ---
// name: s8_unregistered_stay
// title: An offender stays at an address he has not registered (intelligence, or found by officers)
// signal: S8
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   Mr A confirmed in 2017 and 2018 that he was staying at Ms R's address, where her children lived, yet
//   it was not registered as his residence and no one acted (review 3.12, 5.19). An address stayed at for
//   7 days or more, and any household with a child where he stays 12 hours or more, must be notified
//   (SI 2012/1876). Intelligence that an offender under management stays at an address, or a stay officers
//   record at a visit or an assessment (police_stays: how often, who is present), at an address for which
//   he has no registration covering that day raises this flag on that day, whatever his recorded risk
//   level; children recorded living there at the time are named.
// action: >
//   Treat as a notification breach; visit the address to establish who lives there and, where children
//   live there, refer to children's social care (Rec 1, Rec 2).
// ---
// One flag per 'staying at address' intelligence report and per recorded stay (police_stays).
// Starts from the intelligence reports (index on Event.kind) and the stays, few beside the offenders' other records.
CALL () {
  MATCH (i:Event)
  USING INDEX i:Event(kind)
  WHERE i.kind = 'intelligence' AND i.category = 'staying_at_address' AND i.date <= $as_of
  MATCH (i)-[:ABOUT]->(o:Person), (i)-[:MENTIONS]->(a:Address)
  WHERE o.nominal_id IS NOT NULL
  RETURN o, a, i.date AS day, i.source AS feed, i.source_id AS rid,
         'intelligence (' + i.source_evaluation + i.intelligence_assessment + i.handling_code + '): ' +
           coalesce(i.summary, 'staying at ' + a.key) AS what, 'reported staying' AS how
  UNION
  MATCH (o:Person)-[st:STAYS_AT {source: 'police_stays'}]->(a:Address)
  WHERE st.recorded <= $as_of AND o.nominal_id IS NOT NULL
  RETURN o, a, st.recorded AS day, st.source AS feed, st.source_id AS rid,
         'stay recorded (' + st.found_by + coalesce(' ' + st.recorded_in, '') + '): ' +
           coalesce(st.frequency, 'stays there') + coalesce('; present: ' + st.present, '') AS what,
         'found staying' AS how
}
WITH o, a, day, feed, rid, what, how
WHERE EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= day AND (np.to IS NULL OR day <= np.to)
  }
  AND NOT EXISTS {
    MATCH (o)-[reg:REGISTERED_AT]->(a)
    WHERE reg.from <= day <= coalesce(reg.to, $as_of)
  }
// children recorded living there on the day (GP registration, enrolment, birth address)
CALL (o, day, a) {
  OPTIONAL MATCH (a)<-[home:LIVES_AT]-(child:Person)
  WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births']
    AND home.from <= day
    AND coalesce(home.to, CASE home.source WHEN 'health_births' THEN home.from ELSE $as_of END) >= day
    AND child.dob + duration({years: 18}) > day
    AND NOT EXISTS { (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(child) }
  OPTIONAL MATCH (child)<-[:HAS_RECORD]-(ci:Identity)
  WITH ci, child, home
  WHERE child IS NOT NULL
  WITH coalesce(ci.key, child.key) AS key, collect(DISTINCT child.key) AS records,
       head(collect(child.forenames + ' ' + child.surname)) AS name, head(collect(child.dob)) AS dob,
       collect({agency: CASE home.source WHEN 'education_enrolments' THEN 'education' ELSE 'health' END,
                feed: home.source, record_id: home.source_id, date: home.from,
                what: child.forenames + ' ' + child.surname + ' recorded living at the address'}) AS ev
  RETURN collect({key: key, name: name, dob: dob, records: records}) AS children, reduce(x = [], e IN collect(ev) | x + e) AS child_ev
}
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, day, feed, rid, what, how, a, team, children, child_ev, o.forenames + ' ' + o.surname AS offender,
     reduce(t = '', c IN children | t + CASE t WHEN '' THEN '' ELSE ', ' END + c.name) AS names
RETURN
  children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [a.key] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[' + how + ' ' + toString(day) + ', not registered]->(' + a.key + ')' +
   CASE names WHEN '' THEN '' ELSE '<-[lives at]-(' + names + ')' END] AS path,
  [{agency: 'police', feed: feed, record_id: rid, date: day, what: what}] + child_ev AS evidence,
  day AS detected_on,
  CASE how WHEN 'reported staying' THEN 'Intelligence on ' ELSE 'Officers recorded on ' END + toString(day) +
  ' that ' + offender + ' stays at ' + a.key + ', an address he has not registered' +
  CASE names WHEN '' THEN '' ELSE '; children live there: ' + names END AS summary,
  feed + ':' + rid AS fact
ORDER BY detected_on
