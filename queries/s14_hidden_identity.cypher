// ---
// name: s14_hidden_identity
// title: A link to a child that only record linkage reveals (the same person or address written differently)
// signal: S14
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   The GP, the health visitor and the children's centre held Mr A under details that did not match the
//   police's, so no one connected the father at home with the registered sex offender (review 3.17,
//   5.41-5.43). Two patterns: a birth record names as father a person whom only probabilistic linkage
//   (a nickname, a swapped day and month) ties to an offender under management, or whom linkage left to a
//   reviewer as likely him (lower severity until confirmed); or the police hold an offender's address in
//   another written form than the GP, school or birth record of a child living there.
// action: >
//   Confirm the identity (review the linked records side by side), then treat as the underlying signal:
//   refer to children's social care and tell the agencies working with the child (Rec 1, Rec 4).
// ---
// Pattern 1: father on a birth record = offender only through a probabilistic or reviewer-confirmed link,
// raised on the day of the birth (the day both records exist and the link can be made).
MATCH (o:Person)
  USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
// The father's record and the nominal's are in different groups of deterministic links (exact_group, written
// by `sightline resolve`): whatever rule joined the father's record itself (the twins' two birth records name
// one "Leigh Harrop" and link exactly to each other), only linkage ties that group to the nominal.
MATCH (o)<-[ho:HAS_RECORD]-(i:Identity)-[h:HAS_RECORD]->(father:Person)-[:PARENT_OF]->(baby:Person)<-[:BIRTH_OF]-(b:Birth)
WHERE b.date <= $as_of
  AND (h.rule STARTS WITH 'probabilistic' OR h.rule STARTS WITH 'confirmed'
       OR (h.exact_group IS NOT NULL AND h.exact_group <> ho.exact_group))
  AND EXISTS { (o)-[np:SUBJECT_OF]->(:NotificationPeriod) WHERE np.from <= b.date AND coalesce(np.to, $as_of) >= b.date }
OPTIONAL MATCH (baby)<-[:HAS_RECORD]-(ci:Identity)
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
RETURN
  [{key: coalesce(ci.key, baby.key), name: baby.forenames + ' ' + baby.surname, dob: baby.dob, records: [baby.key]}] AS children,
  {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob} AS subject,
  [{key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'},
   {key: father.key, name: father.forenames + ' ' + father.surname, role: 'father as recorded at birth'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + o.forenames + ' ' + o.surname + ')<-[' + h.rule + ']-(' + father.forenames + ' ' + father.surname +
   ', father on birth record)-[parent of]->(' + baby.forenames + ' ' + baby.surname + ')'] AS path,
  [{agency: 'police', feed: o.source, record_id: o.source_id, date: null, what: 'nominal record'},
   {agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
    what: 'birth record names ' + father.forenames + ' ' + father.surname + ' as father'}] AS evidence,
  b.date AS detected_on,
  'Birth of ' + baby.forenames + ' ' + baby.surname + ': the father recorded as ' + father.forenames + ' ' +
  father.surname + ' is ' + o.forenames + ' ' + o.surname + ', an offender under management, only by linkage (' +
  h.rule + ')' AS summary,
  b.source + ':' + b.source_id AS fact,
  null AS severity, '' AS status
UNION
// Pattern 2: the police registered address is written differently from every child's record of the dwelling.
MATCH (o:Person)
  USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[reg:REGISTERED_AT]->(a:Address)<-[home:LIVES_AT]-(child:Person)
WHERE reg.from <= $as_of AND home.from <= $as_of AND reg.written IS NOT NULL AND home.written IS NOT NULL
  AND home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births'] AND child.dob IS NOT NULL
  AND NOT EXISTS { (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(child) }
WITH o, reg, a, home, child,
     [reg.from, home.from, child.dob] AS starts,
     [coalesce(reg.to, $as_of), CASE home.source WHEN 'health_births' THEN home.from ELSE coalesce(home.to, $as_of) END,
      child.dob + duration({years: 18}) - duration({days: 1}), $as_of] AS ends
WITH o, reg, a, home, child,
     reduce(m = starts[0], d IN starts | CASE WHEN d > m THEN d ELSE m END) AS start,
     reduce(m = ends[0], d IN ends | CASE WHEN d < m THEN d ELSE m END) AS end
WHERE start <= end
  AND EXISTS { (o)-[np:SUBJECT_OF]->(:NotificationPeriod) WHERE np.from <= end AND coalesce(np.to, $as_of) >= start }
WITH o, reg, a, collect({home: home, child: child, start: start}) AS homes
WHERE all(x IN homes WHERE toUpper(trim(x.home.written)) <> toUpper(trim(reg.written)))
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
UNWIND homes AS x
WITH o, reg, a, team, x.child AS child, x.home AS home, x.start AS start
OPTIONAL MATCH (child)<-[:HAS_RECORD]-(ci:Identity)
WITH o, reg, a, team, coalesce(ci.key, child.key) AS ck, min(start) AS cstart,
     collect(DISTINCT child.key) AS records, head(collect(child.forenames + ' ' + child.surname)) AS name,
     head(collect(child.dob)) AS dob,
     collect(DISTINCT {agency: CASE home.source WHEN 'education_enrolments' THEN 'education' ELSE 'health' END,
                       feed: home.source, record_id: home.source_id, date: home.from,
                       what: 'written as ' + home.written}) AS homes
WITH o, reg, a, team, min(cstart) AS detected_on,
     collect({key: ck, name: name, dob: dob, records: records}) AS children,
     reduce(acc = [], x IN collect(homes) | acc + x) AS evidence
RETURN
  children,
  {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob} AS subject,
  [{key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'}] AS people,
  [a.key] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + o.forenames + ' ' + o.surname + ')-[registered "' + reg.written + '"]->(' + a.key +
   ')<-[written otherwise by every other agency]-(children)'] AS path,
  [{agency: 'police', feed: reg.source, record_id: reg.source_id, date: reg.from, what: 'written as ' + reg.written}] +
   evidence AS evidence,
  detected_on,
  'The police hold ' + o.forenames + ' ' + o.surname + "'s " + reg.type + ' address as "' + reg.written +
  '"; the children living there are recorded under another form of the same address' AS summary,
  reg.source + ':' + reg.source_id AS fact,
  null AS severity, '' AS status
UNION
// Pattern 3: linkage scored the father on a birth record as likely a record of an offender but left the pair to
// a reviewer (below the automatic threshold, or held). Not one identity yet, so no other signal sees it: raised
// on the day of the birth at lower severity, "awaiting review of the link"; pattern 1 takes over once a
// reviewer confirms it. Not when the father's record is already someone else's (linked to a person with a
// date of birth of their own: a namesake), nor when its date of birth is neither his nor his with day and
// month swapped.
MATCH (o:Person)
  USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
MATCH (o)<-[:HAS_RECORD]-(i:Identity)-[:HAS_RECORD]->(rec:Person)-[m:MAY_BE_SAME {status: 'review'}]-(father:Person)
MATCH (father)-[:PARENT_OF {relationship: 'father'}]->(baby:Person)<-[:BIRTH_OF]-(b:Birth)
WHERE b.date <= $as_of AND NOT EXISTS { (i)-[:HAS_RECORD]->(father) }
  AND (father.dob IS NULL OR father.dob = o.dob
       OR (father.dob.year = o.dob.year AND father.dob.month = o.dob.day AND father.dob.day = o.dob.month))
  AND NOT EXISTS { (father)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(x:Person)
                   WHERE x.dob IS NOT NULL AND NOT EXISTS { (x)-[:PARENT_OF {relationship: 'father'}]->() } }
  AND EXISTS { (o)-[np:SUBJECT_OF]->(:NotificationPeriod) WHERE np.from <= b.date AND coalesce(np.to, $as_of) >= b.date }
WITH o, father, baby, b, max(m.probability) AS p
OPTIONAL MATCH (baby)<-[:HAS_RECORD]-(ci:Identity)
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
RETURN
  [{key: coalesce(ci.key, baby.key), name: baby.forenames + ' ' + baby.surname, dob: baby.dob, records: [baby.key]}] AS children,
  {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob} AS subject,
  [{key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'},
   {key: father.key, name: father.forenames + ' ' + father.surname, role: 'father as recorded at birth'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + o.forenames + ' ' + o.surname + ')-[may be the same person, p=' + toString(round(p, 3)) +
   ', awaiting review]-(' + father.forenames + ' ' + father.surname + ', father on birth record)-[parent of]->(' +
   baby.forenames + ' ' + baby.surname + ')'] AS path,
  [{agency: 'police', feed: o.source, record_id: o.source_id, date: null, what: 'nominal record'},
   {agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
    what: 'birth record names ' + father.forenames + ' ' + father.surname + ' as father'}] AS evidence,
  b.date AS detected_on,
  'Birth of ' + baby.forenames + ' ' + baby.surname + ': the father recorded as ' + father.forenames + ' ' +
  father.surname + ' may be ' + o.forenames + ' ' + o.surname + ', an offender under management (linkage p=' +
  toString(round(p, 3)) + ', left to a reviewer): review the link' AS summary,
  b.source + ':' + b.source_id AS fact,
  'medium' AS severity, 'awaiting review of the link' AS status
