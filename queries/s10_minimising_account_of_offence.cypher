// ---
// name: s10_minimising_account_of_offence
// title: An account of the offence given to an agency contradicts the recorded conviction
// signal: S10
// severity: medium
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   Ms R told the health visitor, her GP and the maternity booking midwife that Mr A's conviction came
//   from a second-hand laptop that already held the images, that the charges were dropped and he was
//   taken off the register; none of it was true, and no one challenged it or told children's social care
//   or Jigsaw (review 3.21, 3.25, 3.28, 5.34). A health, maternity, social care or school record in which
//   the offender, his partner or associate, the mother of his child or a child connected to him gives such
//   an account, after his conviction was recorded, raises this flag so the account can be checked against
//   the conviction and the carer's protective capacity reassessed.
// action: >
//   Share the account with the offender manager (Jigsaw) and children's social care; reassess the carer's
//   protective capacity and consider a fuller disclosure to her (5.34, Rec 3).
// ---
// One flag per text record. The accounts are the facts the note reader proposes (notes/matcher.py: rules that
// read the sentence, so "has not been taken off the register" is not an account), each NOTE_ABOUT the person
// who gave it: "Mum says ..." on a child's record is the mother's account, not the child's. A flag raised from
// a note says so (confidence "from a note") and cites the sentence, for the analyst to confirm.
MATCH (n:NoteFact {kind: 'false_account'})-[:FROM_RECORD]->(e:Event)
WHERE e.kind IN ['health_contact', 'maternity_booking', 'assessment', 'referral', 'collection']
  AND e.date <= $as_of
MATCH (n)-[:NOTE_ABOUT]->(s:Person)
WITH e, s, n ORDER BY n.key
WITH e, s, collect(n.sentence) AS said, head(collect(n.speaker)) AS speaker
// whose account the record holds: the patient, the booking mother, the child, the adult collecting, or the
// parent who spoke on the child's record
WITH e, s, said,
     CASE WHEN NOT (EXISTS { (s)-[:HAD_CONTACT|BOOKED]->(e) } OR EXISTS { (e)-[:ABOUT|BY_ADULT]->(s) })
          THEN speaker + ", on the child's record"
          WHEN e.kind = 'health_contact' THEN 'patient'
          WHEN e.kind = 'maternity_booking' THEN 'mother'
          WHEN e.kind = 'collection' THEN 'adult collecting'
          ELSE 'child' END AS role
MATCH (s)<-[:HAS_RECORD]-(si:Identity)
// the nominals the account-giver is connected to, each with the record that makes the connection
CALL (si, s) {
  // the nominal himself
  MATCH (si)-[:HAS_RECORD]->(o:Offender)
  WHERE o.nominal_id IS NOT NULL
  RETURN o, 'the offender himself' AS link, null AS link_ev
  UNION
  // one of his police associates (partner, relative, friend...)
  MATCH (si)-[:HAS_RECORD]->(:Person)-[r:ASSOCIATE_OF]->(o:Offender)
  WHERE r.recorded <= $as_of
  RETURN o, 'recorded by police as his ' + r.relationship AS link,
         {agency: 'police', feed: r.source, record_id: r.source_id, date: r.recorded,
          what: s.forenames + ' ' + s.surname + ' recorded as his ' + r.relationship} AS link_ev
  UNION
  // the mother on a birth record that names him as the other parent
  MATCH (si)-[:HAS_RECORD]->(m:Person)-[pm:PARENT_OF {relationship: 'mother'}]->(k:Person)<-[pf:PARENT_OF]-(f:Person),
        (f)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(o:Offender)
  WHERE f <> m AND o.nominal_id IS NOT NULL AND k.dob <= $as_of
  RETURN o, 'mother of his child ' + k.forenames + ' ' + k.surname AS link,
         {agency: 'health', feed: pf.source, record_id: pf.source_id, date: k.dob,
          what: 'birth of ' + k.forenames + ' ' + k.surname + ' names him as ' + pf.relationship} AS link_ev
  UNION
  // a mother whose maternity booking names him as her partner
  MATCH (si)-[:HAS_RECORD]->(:Person)<-[pp:PARTNER_OF]-(:Person)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(o:Offender)
  WHERE o.nominal_id IS NOT NULL AND pp.recorded <= $as_of
  RETURN o, 'her maternity booking names him as partner' AS link,
         {agency: 'health', feed: pp.source, record_id: pp.source_id, date: pp.recorded,
          what: 'maternity booking names him as partner'} AS link_ev
  UNION
  // a child connected to him: the child of a MERLIN about him
  MATCH (si)-[:HAS_RECORD]->(:Person)<-[:CONCERNS_CHILD]-(mr:Merlin)-[:ABOUT]->(o:Offender)
  WHERE mr.date <= $as_of
  RETURN o, 'child of a MERLIN about him' AS link,
         {agency: 'police', feed: mr.source, record_id: mr.source_id, date: mr.date, what: 'MERLIN about him names the child'} AS link_ev
  UNION
  // ... a child named in intelligence about him (under 18 on the report; no known date of birth: a child)
  MATCH (si)-[:HAS_RECORD]->(x:Person)<-[:MENTIONS]-(i:Intelligence)-[:ABOUT]->(o:Offender)
  WHERE i.date <= $as_of AND (coalesce(x.dob, si.dob) IS NULL OR i.date < coalesce(x.dob, si.dob) + duration({years: 18}))
  RETURN o, 'child named in intelligence about him' AS link,
         {agency: 'police', feed: i.source, record_id: i.source_id, date: i.date, what: 'intelligence about him names the child'} AS link_ev
  UNION
  // ... his child on a birth record, a child while he was under notification requirements
  MATCH (si)-[:HAS_RECORD]->(k:Person)<-[pf:PARENT_OF]-(:Person)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(o:Offender)
  WHERE o.nominal_id IS NOT NULL AND k.dob <= $as_of AND NOT (si)-[:HAS_RECORD]->(o)
    AND EXISTS {
      MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
      WHERE np.from <= $as_of AND np.from < k.dob + duration({years: 18}) AND coalesce(np.to, $as_of) >= k.dob
    }
  RETURN o, 'his child (birth record)' AS link,
         {agency: 'health', feed: pf.source, record_id: pf.source_id, date: k.dob, what: 'birth record names him as ' + pf.relationship} AS link_ev
  UNION
  // ... a child recorded living at an address he lives at, stays at or frequents, at the same time,
  // while under 18 and while he was under notification requirements (S1's overlap)
  MATCH (si)-[:HAS_RECORD]->(k:Person)-[home:LIVES_AT]->(a:Address)
  WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births'] AND home.from <= $as_of
  WITH si, k, home, a, coalesce(k.dob, si.dob) AS dob,
       CASE home.source WHEN 'health_births' THEN home.from ELSE coalesce(home.to, $as_of) END AS home_to
  CALL (a) {
    MATCH (o:Offender)-[reg:REGISTERED_AT]->(a)
    WHERE reg.from <= $as_of
    RETURN o, reg.from AS p_from, coalesce(reg.to, $as_of) AS p_to, reg.source AS feed, reg.source_id AS id
    UNION
    MATCH (i:Intelligence {category: 'staying_at_address'})-[:MENTIONS]->(a), (i)-[:ABOUT]->(o:Offender)
    WHERE i.date <= $as_of
    RETURN o, i.date AS p_from, i.date AS p_to, i.source AS feed, i.source_id AS id
  }
  MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
  WHERE np.from <= $as_of AND NOT (si)-[:HAS_RECORD]->(o)
  WITH o, a, feed, id, p_from, home, dob,
       [p_from, home.from, np.from, dob] AS starts,
       [p_to, home_to, coalesce(np.to, $as_of), dob + duration({years: 18}) - duration({days: 1}), $as_of] AS ends
  WHERE reduce(m = starts[0], d IN starts | CASE WHEN d > m THEN d ELSE m END)
        <= reduce(m = ends[0], d IN ends | CASE WHEN d < m THEN d ELSE m END)
  RETURN o, 'child living at an address he uses (' + a.key + ')' AS link,
         {agency: 'police', feed: feed, record_id: id, date: p_from, what: 'he uses ' + a.key + ', where the child lives'} AS link_ev
}
// ... and the account comes after a conviction the police hold for him
MATCH (o)-[:CONVICTED_OF]->(cv:Conviction)
WHERE cv.date <= e.date
WITH e, said, s, role, si, o, link, link_ev, cv
ORDER BY cv.date
WITH e, said, s, role, si, o, collect(DISTINCT link) AS links, collect(DISTINCT link_ev) AS link_evs,
     head(collect(cv)) AS cv
ORDER BY o.key
// several connected nominals: the flag names the first (as the rule does); the record is one instance
WITH e, said, s, role, si, head(collect({o: o, links: links, link_evs: link_evs, cv: cv})) AS hit
WITH e, said, s, role, si, hit.o AS o, hit.cv AS cv, hit.links AS links, hit.link_evs AS link_evs,
     s.forenames + ' ' + s.surname AS giver
// children at risk: the account-giver when a child, else the account-giver's own children under 18 then (a
// birth record naming her or him), and the children under 18 living at an address she or he lives at then
// (a GP registration, an enrolment): "her 2 children" are often known to no birth record here
OPTIONAL CALL (e, role, si) {
  MATCH (si)-[:HAS_RECORD]->(:Person)-[:PARENT_OF]->(k:Person)
  WHERE role <> 'child'
  RETURN k
  UNION
  MATCH (si)-[:HAS_RECORD]->(:Person)-[mine:LIVES_AT]->(:Address)<-[theirs:LIVES_AT]-(k:Person)
  WHERE role <> 'child' AND NOT (si)-[:HAS_RECORD]->(k)
    AND mine.source <> 'health_births' AND theirs.source <> 'health_births'
    AND mine.from <= e.date AND coalesce(mine.to, e.date) >= e.date
    AND theirs.from <= e.date AND coalesce(theirs.to, e.date) >= e.date
  RETURN k
}
OPTIONAL MATCH (k)<-[:HAS_RECORD]-(ki:Identity)
WITH e, said, s, role, si, o, cv, links, link_evs, giver, k, ki, coalesce(k.dob, ki.dob) AS kdob
WITH e, said, s, role, si, o, cv, links, link_evs, giver,
     collect(DISTINCT CASE WHEN kdob IS NULL OR NOT (kdob <= e.date AND e.date < kdob + duration({years: 18}))
                           THEN null
                      ELSE {key: coalesce(ki.key, k.key), name: k.forenames + ' ' + k.surname, dob: kdob,
                            records: coalesce([(ki)-[:HAS_RECORD]->(r:Person) | r.key], [k.key])} END) AS own_children
WITH e, said, s, role, si, o, cv, links, link_evs, giver,
     CASE WHEN role = 'child'
          THEN [{key: si.key, name: giver, dob: coalesce(s.dob, si.dob), records: [(si)-[:HAS_RECORD]->(r:Person) | r.key]}]
          ELSE own_children END AS children
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
OPTIONAL MATCH (e)-[:WITH_AGENCY|AT]->(setting:Agency)
RETURN
  children,
  {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'}] +
  CASE WHEN EXISTS { (si)-[:HAS_RECORD]->(o) } THEN []
       ELSE [{key: s.key, name: giver, role: 'account given by (' + links[0] + ')'}] END AS people,
  [] AS addresses,
  [x IN [team, setting] WHERE x IS NOT NULL | {key: x.key, name: coalesce(x.name, x.key)}] AS agencies,
  ['(' + giver + ')-[' + links[0] + ']->(' + o.forenames + ' ' + o.surname + ')-[convicted ' + toString(cv.date) +
   ']->(' + cv.offence + ')', '(' + giver + ')-[told ' + coalesce(setting.name, e.agency) + ' on ' + toString(e.date) +
   ']->("' + said[0] + '")'] AS path,
  [{agency: e.agency, feed: e.source, record_id: e.source_id, date: e.date,
    what: giver + ' (' + role + '), from a note: "' + said[0] + '"', from_note: true, sentence: said[0]},
   {agency: 'police', feed: cv.source, record_id: cv.source_id, date: cv.date,
    what: 'recorded conviction: ' + cv.offence + ' (' + cv.offence_category + ')'}] + link_evs AS evidence,
  e.date AS detected_on,
  giver + ' told ' + coalesce(setting.name, e.agency) + ' that "' + said[0] + '" about the offence; police hold a conviction of ' +
  o.forenames + ' ' + o.surname + ' for ' + cv.offence + ' (' + toString(cv.date) + ')' AS summary,
  e.source + ':' + e.source_id AS fact,
  'from a note' AS confidence
ORDER BY detected_on
