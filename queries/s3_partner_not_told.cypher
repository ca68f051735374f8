// ---
// name: s3_partner_not_told
// title: An offender's partner is not recorded as told of his conviction, and she has or lives with children
// signal: S3
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   grace_days: {type: int, default: 30, help: Days after she is known to have or live with a child within which she must be told (rules.DISCLOSURE_GRACE_DAYS)}
// rationale: >
//   Mr A was advised to tell his partner about his conviction and no one checked that he had (review 3.2);
//   Jigsaw 1 recorded that his new partner Ms R was unaware of it and that it should be disclosed, but
//   nothing was done (3.6), and she learned only years later, by then with two children by him (3.14, 5.19).
//   The MPS should make sure disclosure to third parties is neither delayed nor inhibited (Rec 3). Every
//   partner record around a nominal under notification requirements (police associates, and the partner
//   probation records on a contact: what probation knows, police may not) raises this flag when she has a
//   child under 18 or lives with one and no disclosure to her is recorded, whatever his recorded risk level.
//   His word that she knows is not enough: only a disclosure, or a record confirming she knows, ends it.
//   Raise on the day: she shows the day she is known to have or live with a child, as awaiting disclosure
//   (medium) while the grace period is open, and escalates (high) when it passes. A fact holds until a later
//   fact ends it: a disclosure to her, even a late one, ends the flag from its day (S11-style lateness is
//   not this check's question; whether she knows is).
// action: >
//   Decide on disclosure to the partner now (Rec 3) and record who will make it and when; refer the children
//   to children's social care if contact with him is likely (Rec 1).
// ---
// One flag per partner record, recorded on t while the nominal is under notification requirements: a
// police_associates record with relationship 'partner', or a probation contact naming his partner
// (partner_surname), reached through his identity. Let d be the first day, among t and the birth date of each later child of hers
// up to the end of the relationship (to_date, else as_of), on which she has a child under 18 (a birth record
// names her as mother or father, born by d) or lives with one (a GP registration of hers covering d at an
// address where a child's GP registration, enrolment or birth record covers d). Flag, from d, while no
// disclosure about him, recipient_type 'partner', to her (by identity) is dated on or before as_of, and no
// partner record of hers about him dated on or before as_of says she knows, confirmed
// (partner_knows_of_conviction); "awaiting" (medium) while d + grace >= as_of.
// Every offender check starts from the police nominals (index person_nominal_id).
MATCH (o:Person)
USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
// His partners as police (on his nominal) and probation (on his probation record, one of his identity) record them.
CALL (o) {
  MATCH (p:Person)-[assoc:ASSOCIATE_OF]->(o)
  RETURN p, assoc
  UNION
  MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(orec:Person)<-[assoc:ASSOCIATE_OF]-(p:Person)
  WHERE orec <> o
  RETURN p, assoc
}
WITH o, p, assoc
WHERE assoc.relationship = 'partner' AND assoc.recorded <= $as_of
MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
WHERE np.from <= assoc.recorded AND (np.to IS NULL OR assoc.recorded <= np.to)
// She is reached as an identity: her police record, her GP record, the record of the person told ...
MATCH (p)<-[:HAS_RECORD]-(pi:Identity)
WITH o, p, assoc, pi, head(collect(np)) AS np, assoc.recorded AS t, coalesce(assoc.to, $as_of) AS rel_end
CALL (pi, t, rel_end) {
  // The days to look at: the day police recorded her, and the birth of each later child of hers.
  UNWIND [t] + [(pi)-[:HAS_RECORD]->(:Person)-[par:PARENT_OF]->(:Person)<-[:BIRTH_OF]-(b:Birth)
                WHERE b.source_id = par.source_id AND t < b.date AND b.date <= rel_end AND b.date <= $as_of
                | b.date] AS x
  CALL (pi, x) {
    // She has a child: a birth record names her as a parent; the child is born and under 18 on x.
    MATCH (pi)-[:HAS_RECORD]->(:Person)-[par:PARENT_OF]->(c:Person)<-[:BIRTH_OF]-(b:Birth)
    WHERE b.source_id = par.source_id AND b.date <= x AND x < b.date + duration({years: 18})
    RETURN c, null AS a,
           [{agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
             what: 'birth record names her as ' + par.relationship}] AS ev,
           'her child (birth record)' AS how
    UNION
    // She lives with a child: her GP registration and the child's residence record at one address cover x.
    MATCH (pi)-[:HAS_RECORD]->(:Person)-[reg:LIVES_AT]->(a:Address)<-[home:LIVES_AT]-(c:Person)
    WHERE reg.source = 'health_gp_registrations' AND reg.from <= x AND x <= coalesce(reg.to, $as_of)
      AND home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births']
      AND home.from <= x
      AND x <= CASE home.source WHEN 'health_births' THEN home.from ELSE coalesce(home.to, $as_of) END
      AND c.dob IS NOT NULL AND x < c.dob + duration({years: 18})
      AND NOT EXISTS { (pi)-[:HAS_RECORD]->(c) }
    RETURN c, a,
           [{agency: 'health', feed: reg.source, record_id: reg.source_id, date: reg.from,
             what: 'her GP registration at ' + a.key},
            {agency: CASE home.source WHEN 'education_enrolments' THEN 'education' ELSE 'health' END,
             feed: home.source, record_id: home.source_id, date: home.from,
             what: c.forenames + ' ' + c.surname + ' recorded living at ' + a.key}] AS ev,
           'lives with her at ' + a.key AS how
  }
  MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
  WITH x, ci, head(collect(c)) AS c, collect(DISTINCT a.key) AS homes,
       reduce(acc = [], e IN collect(ev) | acc + [y IN e WHERE NOT y IN acc]) AS ev, collect(DISTINCT how) AS hows
  WITH x, collect({key: ci.key, name: c.forenames + ' ' + c.surname, dob: coalesce(ci.dob, c.dob),
                   records: [(ci)-[:HAS_RECORD]->(r:Person) | r.key], homes: homes, ev: ev, hows: hows}) AS kids
  ORDER BY x
  LIMIT 1
  RETURN date(x) AS d, kids
}
WITH o, p, assoc, pi, np, t, d, kids, d + duration({days: $grace_days}) AS due
// No disclosure to her (by identity) about him is recorded yet: once she is told, she knows.
WHERE NOT EXISTS {
    MATCH (dis:Disclosure)-[:ABOUT]->(o), (dis)-[:DISCLOSED_TO]->(:Person)<-[:HAS_RECORD]-(pi)
    WHERE dis.recipient_type = 'partner' AND dis.date <= $as_of
  }
// ... nor does any record of her as his partner confirm that she knows.
  AND NOT EXISTS {
    MATCH (pi)-[:HAS_RECORD]->(:Person)-[k:ASSOCIATE_OF]->(:Person)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(o)
    WHERE k.knows = 'confirmed' AND k.recorded <= $as_of
  }
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, p, assoc, np, t, d, due, kids, team, $as_of <= due AS awaiting,
     o.forenames + ' ' + o.surname AS offender, p.forenames + ' ' + p.surname AS partner,
     reduce(s = '', k IN kids | s + CASE s WHEN '' THEN '' ELSE ', ' END + k.name) AS names
RETURN
  [k IN kids | {key: k.key, name: k.name, dob: k.dob, records: k.records}] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}, {key: p.key, name: partner, role: 'partner'}] AS people,
  reduce(acc = [], k IN kids | acc + [h IN k.homes WHERE NOT h IN acc]) AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')<-[partner, recorded ' + toString(t) + ']-(' + partner + ')',
   '(' + partner + ')-[not told of his conviction ' + CASE WHEN awaiting THEN 'yet, due by ' ELSE 'by ' END +
     toString(due) + ']->(' + offender + ')'] +
    [k IN kids | '(' + partner + ')-[' + reduce(s = '', h IN k.hows | s + CASE s WHEN '' THEN '' ELSE ', ' END + h) +
       ']-(' + k.name + ')'] AS path,
  [{agency: CASE assoc.source WHEN 'probation_contacts' THEN 'probation' ELSE 'police' END,
    feed: assoc.source, record_id: assoc.source_id, date: t,
    what: partner + ' recorded as his partner' +
          CASE assoc.knows WHEN 'unconfirmed' THEN ' (his word that she knows, unconfirmed)'
                           WHEN 'not_told' THEN ' (not told of his conviction)' ELSE '' END + CASE WHEN assoc.from IS NULL THEN '' ELSE ' since ' + toString(assoc.from) END},
   {agency: 'police', feed: np.source, record_id: np.source_id, date: np.from,
    what: 'under notification requirements from ' + toString(np.from)}] +
    reduce(acc = [], k IN kids | acc + [y IN k.ev WHERE NOT y IN acc]) AS evidence,
  d AS detected_on,
  partner + ', partner of ' + offender + ' (recorded ' + toString(t) + '), has or lives with ' + names + ' since ' +
    toString(d) + '; no disclosure of his conviction to her is recorded' +
    CASE WHEN awaiting THEN ' yet (due by ' + toString(due) + ')'
         ELSE ' within ' + toString($grace_days) + ' days' END AS summary,
  assoc.source + ':' + assoc.source_id AS fact,
  CASE WHEN awaiting THEN 'medium' ELSE 'high' END AS severity,
  CASE WHEN awaiting THEN 'awaiting disclosure to her by ' + toString(due) ELSE '' END AS status
ORDER BY d
