// ---
// name: s4_intelligence_of_child_nothing_follows
// title: Intelligence says an offender has a child and nothing follows
// signal: S4
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   window_days: {type: int, default: 30, help: Days after the intelligence within which a MERLIN, a referral or a strategy discussion must follow (rules.REFERRAL_DAYS)}
// rationale: >
//   During a home visit family members told Jigsaw 1 that Mr A had 'dropped his daughter off the night before
//   and left'. It was recorded on ViSOR, but no enquiry was made, he was not interviewed, no one considered a
//   breach of his SOPO and no MERLIN was created to engage children's social care (review 3.9). Intelligence
//   that an offender under notification requirements has a child must bring a MERLIN and a referral
//   (Rec 1, Rec 2). Every such report raises this flag when, within the window, there is no MERLIN about him
//   and no referral or strategy discussion about any child connected to him, whatever his recorded risk level.
//   Raise on the day: the report shows the day it is recorded, as awaiting a MERLIN or referral (medium)
//   while the window is open, and escalates (high) when it passes without one.
// action: >
//   Identify the child and where the child lives; create a MERLIN and refer to children's social care for a
//   strategy discussion (Rec 1, Rec 2); interview the offender and check his order conditions for a breach.
// ---
// One flag per police_intelligence report about the nominal with category has_child, dated d while he is under
// notification requirements, with no MERLIN about him created in [d, d + window] and no csc referral or
// strategy discussion in that window about a child connected to him, each on or before as_of. Raised on d;
// "awaiting" (medium) while d + window >= as_of.
// The child named: the report's child; when the report names none, his children known on d (born to him on a
// birth record, recorded by police as his child, or his child in a children's social care family
// relationship), born and under 18 on d: the report is about one of them until someone finds out which.
// Connected children (synthetic/cases/links.py): children living at an address he uses during his use
// (as in S1), children born to him, associates recorded under 18, people named under 18 in intelligence about
// him (this report's child among them), and the children of MERLINs about him, reached as identities.
// Every offender check starts from the police nominals (index person_nominal_id).
MATCH (o:Person)
USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
MATCH (e:Intelligence)-[:ABOUT]->(o)
WHERE e.category = 'has_child' AND e.date <= $as_of
WITH o, e, e.date AS d, e.date + duration({days: $window_days}) AS due
// He was under notification requirements on the day.
MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
WHERE np.from <= d AND (np.to IS NULL OR d <= np.to)
WITH o, e, d, due, head(collect(np)) AS np
// No MERLIN about him was created in the window.
WHERE NOT EXISTS {
  MATCH (m:Merlin)-[:ABOUT]->(o)
  WHERE d <= m.date <= due AND m.date <= $as_of
}
// The children connected to him, by identity, each with the records that connect them.
CALL (o) {
  CALL (o) {
    // Living at an address he lives at, stays at or frequents, while he uses it and is under management (S1).
    MATCH (o)-[mp:SUBJECT_OF]->(:NotificationPeriod)
    WHERE mp.from <= $as_of
    CALL (o) {
      MATCH (o)-[reg:REGISTERED_AT]->(a:Address)
      WHERE reg.from <= $as_of
      RETURN a, reg.from AS p_from, coalesce(reg.to, $as_of) AS p_to
      UNION
      MATCH (si:Intelligence)-[:ABOUT]->(o), (si)-[:MENTIONS]->(a:Address)
      WHERE si.category = 'staying_at_address' AND si.date <= $as_of
      RETURN a, si.date AS p_from, si.date AS p_to
    }
    MATCH (a)<-[home:LIVES_AT]-(c:Person)
    WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births']
      AND home.from <= $as_of AND c.dob IS NOT NULL
      AND NOT EXISTS { (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(c) }
    WITH a, c, home,
         [p_from, home.from, mp.from] AS starts,
         [p_to, CASE home.source WHEN 'health_births' THEN home.from ELSE coalesce(home.to, $as_of) END,
          coalesce(mp.to, $as_of), c.dob + duration({years: 18}) - duration({days: 1})] AS ends
    WHERE reduce(m = starts[0], x IN starts | CASE WHEN x > m THEN x ELSE m END)
          <= reduce(m = ends[0], x IN ends | CASE WHEN x < m THEN x ELSE m END)
    RETURN c, {agency: CASE home.source WHEN 'education_enrolments' THEN 'education' ELSE 'health' END,
               feed: home.source, record_id: home.source_id, date: home.from,
               what: 'recorded living at ' + a.key + ', an address he uses'} AS link
    UNION
    // Born to him: a birth record names him (any of his records) as mother or father.
    MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)-[par:PARENT_OF]->(c:Person)<-[:BIRTH_OF]-(b:Birth)
    WHERE b.source_id = par.source_id AND b.date <= $as_of
      AND EXISTS {
        MATCH (o)-[mp:SUBJECT_OF]->(:NotificationPeriod)
        WHERE mp.from <= $as_of AND mp.from <= b.date + duration({years: 18}) - duration({days: 1})
          AND coalesce(mp.to, $as_of) >= b.date
      }
    RETURN c, {agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
               what: 'birth record names him as ' + par.relationship} AS link
    UNION
    // Recorded by police as an associate of his (child, cousin's child, ...) while under 18.
    MATCH (c:Person)-[as:ASSOCIATE_OF]->(o)
    WHERE as.recorded <= $as_of
    OPTIONAL MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
    WITH c, as, coalesce(c.dob, ci.dob) AS dob
    // With no date of birth anywhere, the relationship recorded decides: the benefit of the doubt goes to the child.
    WHERE CASE WHEN dob IS NULL THEN as.relationship IN ['child', 'cousin_child']
               ELSE as.recorded < dob + duration({years: 18}) END
    RETURN c, {agency: 'police', feed: as.source, record_id: as.source_id, date: as.recorded,
               what: 'police associate: ' + as.relationship} AS link
    UNION
    // Named, while under 18, in intelligence about him.
    MATCH (i:Intelligence)-[:ABOUT]->(o), (i)-[:MENTIONS]->(c:Person)
    WHERE i.date <= $as_of
    OPTIONAL MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
    WITH c, i, coalesce(c.dob, ci.dob) AS dob
    WHERE CASE WHEN dob IS NULL THEN i.category IN ['has_child', 'contact_with_children']
               ELSE i.date < dob + duration({years: 18}) END
    RETURN c, {agency: 'police', feed: i.source, record_id: i.source_id, date: i.date,
               what: 'named in intelligence (' + i.category + ')'} AS link
    UNION
    // The child of a MERLIN about him.
    MATCH (m:Merlin)-[:ABOUT]->(o), (m)-[:CONCERNS_CHILD]->(c:Person)
    WHERE m.date <= $as_of
    RETURN c, {agency: 'police', feed: m.source, record_id: m.source_id, date: m.date,
               what: 'subject of a MERLIN about him'} AS link
  }
  MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
  WITH ci, collect(DISTINCT link) AS links, collect(DISTINCT c) AS seen
  RETURN collect({
    identity: ci, key: ci.key,
    name: coalesce(head([(ci)-[:HAS_RECORD]->(r:Person) WHERE r.forenames IS NOT NULL | r.forenames + ' ' + r.surname]),
                   ci.forenames + ' ' + ci.surname),
    dob: coalesce(ci.dob, head([s IN seen WHERE s.dob IS NOT NULL | s.dob])),
    records: [(ci)-[:HAS_RECORD]->(r:Person) | r.key],
    links: links
  }) AS connected
}
// No referral or strategy discussion about any connected child in the window.
WITH o, e, d, due, np, connected
WHERE NOT EXISTS {
  UNWIND connected AS k
  WITH k.identity AS ci
  MATCH (ci)-[:HAS_RECORD]->(:Person)<-[:ABOUT]-(r:Event)
  WHERE (r:Referral OR r:StrategyDiscussion) AND d <= r.date <= due AND r.date <= $as_of
}
// The child the intelligence is about, by identity (none when the report names no one).
OPTIONAL MATCH (e)-[:MENTIONS]->(mentioned:Person)
OPTIONAL MATCH (mentioned)<-[:HAS_RECORD]-(mi:Identity)
WITH o, e, d, due, np, connected, mentioned, mi,
     [k IN connected WHERE k.key = mi.key] AS named
// When the report names no one: his own children known on d (birth records, police, children's social care).
CALL (o, d, mentioned) {
  CALL (o, d, mentioned) {
    MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)-[par:PARENT_OF]->(c:Person)<-[:BIRTH_OF]-(b:Birth)
    WHERE mentioned IS NULL AND b.source_id = par.source_id AND b.date <= d
    RETURN c, {agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
               what: 'birth record names him as ' + par.relationship} AS link
    UNION
    MATCH (c:Person)-[as:ASSOCIATE_OF {relationship: 'child'}]->(o)
    WHERE mentioned IS NULL AND as.recorded <= d
    RETURN c, {agency: 'police', feed: as.source, record_id: as.source_id, date: as.recorded,
               what: 'police associate: child'} AS link
    UNION
    MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)-[f:FAMILY_OF {relationship: 'parent'}]->(c:Person)
    WHERE mentioned IS NULL AND coalesce(f.from, d) <= d AND (f.to IS NULL OR d <= f.to)
    RETURN c, {agency: 'childrens_social_care', feed: f.source, record_id: f.source_id, date: f.from,
               what: 'children\'s social care record him as parent'} AS link
  }
  OPTIONAL MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
  WITH coalesce(ci.key, c.key) AS key, ci, collect(DISTINCT c) AS seen, collect(DISTINCT link) AS links
  WITH key, ci, seen, links,
       coalesce(ci.dob, head([s IN seen WHERE s.dob IS NOT NULL | s.dob])) AS dob
  WHERE dob IS NULL OR (dob <= d AND d < dob + duration({years: 18}))
  RETURN collect({key: key, dob: dob, links: links,
                  name: coalesce(head([(ci)-[:HAS_RECORD]->(r:Person) WHERE r.forenames IS NOT NULL |
                                       r.forenames + ' ' + r.surname]),
                                 head([s IN seen WHERE s.forenames IS NOT NULL | s.forenames + ' ' + s.surname])),
                  records: CASE WHEN ci IS NULL THEN [s IN seen | s.key]
                                ELSE [(ci)-[:HAS_RECORD]->(r:Person) | r.key] END}) AS own
}
WITH o, e, d, due, np, mentioned, mi, connected, CASE WHEN mentioned IS NULL THEN own ELSE named END AS named
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, e, d, due, np, mentioned, mi, named, team, o.forenames + ' ' + o.surname AS offender,
     CASE WHEN mentioned IS NULL THEN [k IN named | {key: k.key, name: k.name, dob: k.dob, records: k.records}]
          WHEN size(named) > 0 THEN [k IN named | {key: k.key, name: k.name, dob: k.dob, records: k.records}]
          ELSE [{key: coalesce(mi.key, mentioned.key), name: mentioned.forenames + ' ' + mentioned.surname,
                 dob: coalesce(mentioned.dob, mi.dob),
                 records: coalesce([(mi)-[:HAS_RECORD]->(r:Person) | r.key], [mentioned.key])}] END AS kids
WITH o, e, d, due, np, mentioned, named, team, offender, kids, $as_of <= due AS awaiting,
     CASE WHEN size(kids) = 0 THEN 'an unnamed child'
          WHEN mentioned IS NULL THEN 'unnamed; his children then: ' +
            reduce(t = '', k IN kids | t + CASE t WHEN '' THEN '' ELSE ', ' END + coalesce(k.name, k.key))
          ELSE kids[0].name END AS child_name
RETURN
  kids AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')<-[intelligence ' + e.source_id + ' on ' + toString(d) + ': has a child]-(' + child_name + ')',
   '(police_intelligence ' + e.source_id + ')-[no MERLIN, referral or strategy discussion ' +
     CASE WHEN awaiting THEN 'yet, due by ' ELSE 'by ' END + toString(due) + ']->(children\'s social care)'] +
    reduce(acc = [], k IN named | acc + [l IN k.links WHERE l.record_id <> e.source_id |
      '(' + offender + ')-[' + l.what + ']-(' + coalesce(k.name, k.key) + ')']) AS path,
  [{agency: 'police', feed: e.source, record_id: e.source_id, date: d,
    what: 'intelligence (has_child)' + CASE WHEN e.summary IS NULL THEN '' ELSE ': ' + e.summary END},
   {agency: 'police', feed: np.source, record_id: np.source_id, date: np.from,
    what: 'under notification requirements from ' + toString(np.from)}] +
    reduce(acc = [], k IN named | acc + [l IN k.links WHERE l.record_id <> e.source_id AND NOT l IN acc]) AS evidence,
  d AS detected_on,
  'Intelligence on ' + toString(d) + ' says ' + offender + ' has a child (' + child_name +
    '); no MERLIN, referral or strategy discussion ' +
    CASE WHEN awaiting THEN 'yet (due by ' + toString(due) + ')'
         ELSE 'followed within ' + toString($window_days) + ' days' END AS summary,
  e.source + ':' + e.source_id AS fact,
  CASE WHEN awaiting THEN 'medium' ELSE 'high' END AS severity,
  CASE WHEN awaiting THEN 'awaiting a MERLIN or referral by ' + toString(due) ELSE '' END AS status
ORDER BY d
