// ---
// name: s2_contact_with_children_no_referral
// title: An offender reports or is seen in contact with children and no referral to children's social care follows
// signal: S2
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   window_days: {type: int, default: 30, help: Days after the contact within which a referral to children's social care must follow (rules.REFERRAL_DAYS)}
// rationale: >
//   At an ARMS interview Mr A told Jigsaw 1 he was having contact with his cousin's three children; a MERLIN
//   went to the MASH police four months later and was passed back, and nothing ever reached children's
//   social care (review 3.5, 5.15-5.18). Contact between a known child sex offender and children should
//   always bring a referral to children's social care and a Section 47 strategy discussion (Rec 1, Rec 2).
//   Every police visit with children present, probation contact reporting contact with children,
//   intelligence of contact with children, a setting's record of him dropping off or collecting a child, or a
//   note saying he does (from a note: the flag says so and cites the sentence), made while he is under
//   notification requirements, raises this
//   flag when no referral about any child connected to him is received within the window, whatever his
//   recorded risk level. Raise on the day: the contact shows the day it is recorded, as awaiting a referral
//   (medium) while the window is open, and escalates (high) when the window passes without one.
// action: >
//   Refer the children to children's social care now and ask for a strategy discussion (Rec 1, Rec 2);
//   establish who the children are and where they live; consider disclosure to their parents (Rec 3).
// ---
// One flag per trigger record (visit, probation contact, intelligence report, a setting's drop-off or collection
// record by any record of his identity, or a `contact_with_child` NoteFact about one) dated d, while the nominal is
// under notification requirements on d, when no csc referral about any child connected to him is received in
// [d, d + window] and on or before as_of. Raised on d; "awaiting" (medium) while d + window >= as_of.
// The children named are those born and under 18 on d (a child born later was not in the contact).
// Connected children (synthetic/cases/links.py): children living at an address he uses during his use
// (as in S1), children born to him, associates recorded under 18, people named under 18 in intelligence about
// him, children he dropped off or collected, and the children of MERLINs about him. They are reached as identities, so a referral about the CSC
// record of a child police know as an associate counts.
// Every offender check starts from the police nominals (index person_nominal_id).
MATCH (o:Person)
USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
// The triggers: he is seen with children, or says he has contact with them.
CALL (o) {
  MATCH (o)-[:VISITED_IN]->(e:Visit)
  WHERE e.children_present AND e.date <= $as_of
  RETURN e, 'police' AS e_agency, e.visit_type + ': children present' AS e_what, null AS via, 'seen by police' AS e_how
  UNION
  // Probation holds its own record of him (nDelius): reached through his identity.
  MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(via:Person)-[:HAD_CONTACT]->(e:Contact)
  WHERE e.kind = 'probation_contact' AND e.children_contact_reported AND e.date <= $as_of
  RETURN e, 'probation' AS e_agency, 'probation ' + e.contact_type + ': contact with children reported' AS e_what, via,
         'reported (probation)' AS e_how
  UNION
  MATCH (e:Intelligence)-[:ABOUT]->(o)
  WHERE e.category = 'contact_with_children' AND e.date <= $as_of
  RETURN e, 'police' AS e_agency, 'intelligence: contact with children' AS e_what, null AS via,
         'reported (intelligence)' AS e_how
  UNION
  // A setting records him (any record of his identity) dropping off or collecting a child.
  MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)<-[:BY_ADULT]-(e:Collection)-[:AT]->(setting:Agency)
  WHERE e.date <= $as_of
  RETURN e, 'education' AS e_agency,
         'dropped off or collected a child at ' + coalesce(setting.name, setting.key) +
         CASE WHEN e.unaccompanied THEN ', alone' ELSE '' END AS e_what, null AS via,
         'seen with a child at ' + coalesce(setting.name, setting.key) AS e_how
  UNION
  // A note on any record of his says he drops off, collects or sees a child (notes/, "from a note"): the note
  // of a contact whose structured record says otherwise (a visit or a supervision whose tick box says no, a
  // health contact). Not a note that restates what a record already holds: a collection, intelligence (its
  // category says what it is), a MERLIN (itself a referral) or a risk assessment, nor one written within
  // the window after a trigger above about him (the same contact described again).
  OPTIONAL MATCH (o)<-[:HAS_RECORD]-(oi:Identity)
  UNWIND CASE WHEN oi IS NULL THEN [o] ELSE [(oi)-[:HAS_RECORD]->(r:Person) | r] END AS me
  MATCH (me)<-[:NOTE_ABOUT]-(e:NoteFact {kind: 'contact_with_child'})-[:FROM_RECORD]->(ev:Event)
  WHERE e.date <= $as_of
    AND NOT (ev:Collection OR ev:Intelligence OR ev:Merlin OR ev:RiskAssessment)
    AND NOT coalesce(ev.children_present, false) AND NOT coalesce(ev.children_contact_reported, false)
    AND NOT EXISTS {
      MATCH (o)-[:VISITED_IN]->(v:Visit)
      WHERE v.children_present AND e.date - duration({days: $window_days}) <= v.date <= e.date
    }
    AND NOT EXISTS {
      MATCH (i:Intelligence {category: 'contact_with_children'})-[:ABOUT]->(o)
      WHERE e.date - duration({days: $window_days}) <= i.date <= e.date
    }
    AND NOT EXISTS {
      MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)-[:HAD_CONTACT]->(c:Contact)
      WHERE c.kind = 'probation_contact' AND c.children_contact_reported
        AND e.date - duration({days: $window_days}) <= c.date <= e.date
    }
  RETURN e, e.agency AS e_agency, 'from a note: contact with a child' AS e_what, null AS via,
         'described in a note' AS e_how
}
WITH o, e, e_agency, e_what, e_how, via, e.date AS d, e.date + duration({days: $window_days}) AS due
// He was under notification requirements on the day.
MATCH (o)-[np:SUBJECT_OF]->(period:NotificationPeriod)
WHERE np.from <= d AND (np.to IS NULL OR d <= np.to)
WITH o, e, e_agency, e_what, e_how, via, d, due, head(collect(np)) AS np
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
    // A child a setting records him dropping off or collecting.
    MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)<-[:BY_ADULT]-(col:Collection)-[:OF_CHILD]->(c:Person)
    WHERE col.date <= $as_of
    RETURN c, {agency: 'education', feed: col.source, record_id: col.source_id, date: col.date,
               what: 'dropped off or collected by him'} AS link
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
// No referral about any connected child was received within the window.
WITH o, e, e_agency, e_what, e_how, via, d, due, np, connected
WHERE NOT EXISTS {
  UNWIND connected AS k
  WITH k.identity AS ci
  MATCH (ci)-[:HAS_RECORD]->(:Person)<-[:ABOUT]-(r:Referral)
  WHERE d <= r.date <= due AND r.date <= $as_of
}
// The children at risk: connected children born and under 18 on the day (no date of birth known: assumed so).
WITH o, e, e_agency, e_what, e_how, via, d, due, np, $as_of <= due AS awaiting,
     [k IN connected WHERE k.dob IS NULL OR (k.dob <= d AND d < k.dob + duration({years: 18}))] AS kids
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
OPTIONAL MATCH (via)-[:SUPERVISED_BY]->(unit:Agency)
WITH o, e, e_agency, e_what, e_how, via, d, due, np, awaiting, kids,
     [x IN collect(DISTINCT team) + collect(DISTINCT unit) | {key: x.key, name: x.name}] AS agencies,
     o.forenames + ' ' + o.surname AS offender
RETURN
  [k IN kids | {key: k.key, name: k.name, dob: k.dob, records: k.records}] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] +
    CASE WHEN via IS NULL THEN [] ELSE [{key: via.key, name: offender, role: 'offender (probation record)'}] END AS people,
  [] AS addresses,
  agencies,
  ['(' + offender + ')-[' + e_what + ' on ' + toString(d) + ']->(' + e.source + ' ' + e.source_id + ')',
   '(' + e.source + ' ' + e.source_id + ')-[no referral to children\'s social care ' +
     CASE WHEN awaiting THEN 'yet, due by ' ELSE 'by ' END + toString(due) + ']->(' +
     CASE size(kids) WHEN 0 THEN 'children not identified' ELSE
       reduce(t = '', k IN kids | t + CASE t WHEN '' THEN '' ELSE ', ' END + k.name) END + ')'] +
    [k IN kids | '(' + offender + ')-[' +
       reduce(t = '', l IN k.links | t + CASE t WHEN '' THEN '' ELSE ', ' END + l.what) + ']-(' + k.name + ')'] AS path,
  [CASE WHEN e:NoteFact THEN {agency: e_agency, feed: e.source, record_id: e.source_id, date: d,
                                what: 'from a note: "' + e.sentence + '"', from_note: true, sentence: e.sentence}
        ELSE {agency: e_agency, feed: e.source, record_id: e.source_id, date: d, what: e_what +
              CASE WHEN e.summary IS NULL THEN '' ELSE ': ' + e.summary END} END,
   {agency: 'police', feed: np.source, record_id: np.source_id, date: np.from,
    what: 'under notification requirements from ' + toString(np.from)}] +
    reduce(acc = [], k IN kids | acc + [l IN k.links WHERE NOT l IN acc]) AS evidence,
  d AS detected_on,
  offender + ' was ' + e_how + ' in contact with children on ' + toString(d) + '; no referral to children\'s social care about ' +
    CASE size(kids) WHEN 0 THEN 'any child connected to him' ELSE
      reduce(t = '', k IN kids | t + CASE t WHEN '' THEN '' ELSE ', ' END + k.name) END +
    CASE WHEN awaiting THEN ' yet (due by ' + toString(due) + ')'
         ELSE ' followed within ' + toString($window_days) + ' days' END AS summary,
  e.source + ':' + e.source_id +
    CASE WHEN e:NoteFact THEN ':' + e.kind + ':' + last(split(e.key, ':')) ELSE '' END AS fact,
  CASE WHEN awaiting THEN 'medium' ELSE 'high' END AS severity,
  CASE WHEN awaiting THEN 'awaiting a referral by ' + toString(due) ELSE '' END AS status,
  CASE WHEN e:NoteFact THEN 'from a note' END AS confidence
ORDER BY d
