// ---
// name: s5_birth_to_offender_agencies_unaware
// title: A child is born to an offender, and there is no referral or the hospital and GP are unaware
// signal: S5
// severity: critical
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   after_birth_days: {type: int, default: 60, help: Days after the birth within which a referral about the baby must be received and the baby's first GP practice told (rules.BIRTH_REFERRAL_DAYS)}
//   pre_birth_days: {type: int, default: 180, help: Days before the birth from which a pre-birth referral counts (rules.PRE_BIRTH_REFERRAL_DAYS)}
// rationale: >
//   Mr A's first child was born while he was under notification requirements and nursed on NICU; health
//   practitioners, the family GP included, did not know his offending history and he visited the hospital
//   unrestricted (review 3.4). His second child was born the same way (3.10) and a third after that (3.31),
//   and no referral reached children's social care when either of the first two was born (1.3). Level 1
//   MAPPA offenders' status should be shared with the agencies that need it, GPs above all (Rec 4).
//   Every birth record naming an offender as mother or father raises this flag on the day of the birth
//   unless a referral about the baby, a disclosure to the hospital by the birth and a disclosure to the
//   baby's first GP practice all followed, whatever his recorded risk level. Risk is never zero (5.1): a
//   notification period that ended before the birth lowers the severity (high), it never hides the child.
//   Raise on the day: while the window for the referral and the GP is still open, and the hospital knew,
//   the flag shows as awaiting (medium) and escalates when the window passes without them.
// action: >
//   Refer the baby to children's social care (Rec 1); tell the hospital and the baby's GP practice of the
//   parent's status and order conditions (Rec 4); record the child on ViSOR and reassess the offender.
// ---
// One flag per (health_births record, offender parent): the mother (mother_nhs_number) or the father (father
// fields) is, by identity, a police nominal whose notification requirements began on or before the date of
// birth t (in force on t: critical; ended: high). No flag when ALL of: (a) a csc referral about the baby (by
// identity) dated in [t - pre_birth_days, t + after_birth_days]; (b) a disclosure about the nominal to the
// birth's hospital dated on or before t; (c) a disclosure about him to the baby's first GP practice dated on
// or before t + after_birth_days. A closure summary about the baby sent to the agency counts as telling it.
// Raised on t; when the hospital was told and the window is still open on $as_of, as "awaiting" (medium).
// Every offender check starts from the police nominals (index person_nominal_id).
MATCH (o:Person)
USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
// Births naming him (any of his records: the mother's NHS record, the father as the mother gave him) as parent.
MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(parent:Person)-[par:PARENT_OF]->(baby:Person)<-[:BIRTH_OF]-(b:Birth)
WHERE b.source_id = par.source_id AND b.date <= $as_of
WITH DISTINCT o, b, baby, parent, par.relationship AS role, b.date AS t
// Notified as an offender by the day of the birth: in force then, or ended (risk is never zero).
MATCH (o)-[period:SUBJECT_OF]->(:NotificationPeriod)
WHERE period.from <= t
WITH o, b, baby, parent, role, t, collect(period) AS periods, t + duration({days: $after_birth_days}) AS due
WITH o, b, baby, parent, role, t, due,
     head([p IN periods WHERE p.to IS NULL OR t <= p.to]) AS live,
     reduce(last = null, p IN periods | CASE WHEN last IS NULL OR p.to > last.to THEN p ELSE last END) AS latest
WITH o, b, baby, parent, role, t, due, coalesce(live, latest) AS np, live IS NOT NULL AS managed
MATCH (b)-[:AT]->(hospital:Agency)
MATCH (baby)<-[:HAS_RECORD]-(ci:Identity)
// The baby's first GP practice (earliest registration of any of the baby's records).
OPTIONAL MATCH (ci)-[:HAS_RECORD]->(:Person)-[rw:REGISTERED_WITH]->(gp:Agency)
WHERE rw.from <= $as_of
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw
ORDER BY rw.from, rw.source_id
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci,
     head(collect(CASE WHEN gp IS NULL THEN null ELSE {gp: gp, rw: rw} END)) AS first_gp
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, first_gp.gp AS gp, first_gp.rw AS rw
// (b) and (c): who told the hospital (by the birth) and the GP practice (within the window), if anyone:
// a disclosure about him to the agency, or a closure summary about the baby sent to it.
CALL (o, ci, hospital, t) {
  CALL (o, ci, hospital, t) {
    MATCH (dis:Disclosure)-[:ABOUT]->(o), (dis)-[:DISCLOSED_TO]->(hospital)
    WHERE dis.date <= t
    RETURN {agency: 'police', feed: dis.source, record_id: dis.source_id, date: dis.date,
            what: 'disclosure (' + dis.content + ') to ' + coalesce(hospital.name, hospital.key)} AS told
    UNION
    MATCH (ci)-[:HAS_RECORD]->(:Person)<-[:ABOUT]-(:Referral)<-[:CLOSES]-(cl:Closure)-[st:SENT_TO]->(hospital)
    WHERE st.date <= t
    RETURN {agency: 'childrens_social_care', feed: st.source, record_id: st.source_id, date: st.date,
            what: 'closure summary ' + cl.key + ' sent to ' + coalesce(hospital.name, hospital.key)} AS told
  }
  RETURN collect(told) AS hospital_told
}
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw, hospital_told
CALL (o, ci, gp, due) {
  CALL (o, ci, gp, due) {
    MATCH (dis:Disclosure)-[:ABOUT]->(o), (dis)-[:DISCLOSED_TO]->(gp)
    WHERE dis.date <= due AND dis.date <= $as_of
    RETURN {agency: 'police', feed: dis.source, record_id: dis.source_id, date: dis.date,
            what: 'disclosure (' + dis.content + ') to ' + coalesce(gp.name, gp.key)} AS told
    UNION
    MATCH (ci)-[:HAS_RECORD]->(:Person)<-[:ABOUT]-(:Referral)<-[:CLOSES]-(cl:Closure)-[st:SENT_TO]->(gp)
    WHERE st.date <= due AND st.date <= $as_of
    RETURN {agency: 'childrens_social_care', feed: st.source, record_id: st.source_id, date: st.date,
            what: 'closure summary ' + cl.key + ' sent to ' + coalesce(gp.name, gp.key)} AS told
  }
  RETURN collect(told) AS gp_told
}
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw, hospital_told, gp_told
// (a) a referral about the baby, pre-birth or soon after.
OPTIONAL MATCH (ci)-[:HAS_RECORD]->(:Person)<-[:ABOUT]-(ref:Referral)
WHERE t - duration({days: $pre_birth_days}) <= ref.date <= due AND ref.date <= $as_of
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw, hospital_told, gp_told,
     collect(DISTINCT {agency: 'childrens_social_care', feed: ref.source, record_id: ref.source_id, date: ref.date,
                       what: 'referral about the baby'}) AS referrals
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw, hospital_told, gp_told,
     [r IN referrals WHERE r.record_id IS NOT NULL] AS referrals
WITH *, size(hospital_told) > 0 AS hospital_ok, size(gp_told) > 0 AS gp_ok, size(referrals) > 0 AS referred,
     t AS detected_on
// Flag unless all three happened; while the hospital knew and the window is open, it awaits the other two.
WHERE NOT (hospital_ok AND gp_ok AND referred)
WITH *, hospital_ok AND $as_of <= due AS awaiting
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw, hospital_told, gp_told, referrals,
     hospital_ok, gp_ok, referred, awaiting, detected_on, team,
     o.forenames + ' ' + o.surname AS offender,
     coalesce(head([(ci)-[:HAS_RECORD]->(r:Person) WHERE r.forenames IS NOT NULL | r.forenames + ' ' + r.surname]),
              'baby ' + baby.surname) AS child_name
OPTIONAL MATCH (mother:Person)-[mp:PARENT_OF {relationship: 'mother'}]->(baby)
WHERE mp.source_id = b.source_id AND role = 'father'
WITH o, b, baby, parent, role, t, np, managed, due, hospital, ci, gp, rw, hospital_told, gp_told, referrals,
     hospital_ok, gp_ok, referred, awaiting, detected_on, team, offender, child_name, mother,
     [x IN [CASE WHEN NOT referred THEN
              {gap: 'no referral to children\'s social care' + CASE WHEN awaiting THEN ' yet' ELSE '' END,
               step: '(' + child_name + ')-[no referral within ' + toString($after_birth_days) +
                     ' days of the birth]->(children\'s social care)'} END,
            CASE WHEN NOT hospital_ok THEN
              {gap: coalesce(hospital.name, hospital.key) + ' not told by the birth',
               step: '(' + offender + ')-[status not disclosed by ' + toString(t) + ']->(' +
                     coalesce(hospital.name, hospital.key) + ')'} END,
            CASE WHEN gp IS NULL THEN
              {gap: 'no GP registration for the baby',
               step: '(' + child_name + ')-[no GP registration]->(GP practice)'}
                 WHEN NOT gp_ok THEN
              {gap: coalesce(gp.name, gp.key) + ' (first GP practice) not told within ' +
                    toString($after_birth_days) + ' days',
               step: '(' + offender + ')-[status not disclosed by ' + toString(due) + ']->(' +
                     coalesce(gp.name, gp.key) + ', ' + child_name + '\'s GP practice)'} END]
      WHERE x IS NOT NULL] AS gaps
RETURN
  [{key: ci.key, name: child_name, dob: t, records: [(ci)-[:HAS_RECORD]->(r:Person) | r.key]}] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: offender, role: 'offender (' + role + ')'}] +
    CASE WHEN mother IS NULL THEN [] ELSE
      [{key: mother.key, name: coalesce(mother.forenames + ' ' + mother.surname,
                                       head([(mother)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(m:Person)
                                             WHERE m.forenames IS NOT NULL | m.forenames + ' ' + m.surname]),
                                       mother.key), role: 'mother'}] END AS people,
  [] AS addresses,
  [a IN [team, CASE WHEN NOT hospital_ok THEN hospital END, CASE WHEN NOT gp_ok THEN gp END] WHERE a IS NOT NULL |
    {key: a.key, name: a.name}] AS agencies,
  ['(' + offender + ')-[' + role + ' of]->(' + child_name + ', born ' + toString(t) + ' at ' +
     coalesce(hospital.name, hospital.key) + ')'] +
    [g IN gaps | g.step] AS path,
  [{agency: 'health', feed: b.source, record_id: b.source_id, date: t,
    what: 'birth of ' + child_name + ' at ' + coalesce(hospital.name, hospital.key) + '; ' + role + ' recorded: ' +
          parent.key + CASE WHEN b.nicu_admission THEN '; admitted to NICU' ELSE '' END},
   {agency: 'police', feed: np.source, record_id: np.source_id, date: np.from,
    what: 'under notification requirements from ' + toString(np.from) +
          CASE WHEN managed THEN '' ELSE ' to ' + toString(np.to) END}] +
    CASE WHEN rw IS NULL THEN [] ELSE [{agency: 'health', feed: rw.source, record_id: rw.source_id, date: rw.from,
                                       what: 'first GP registration: ' + coalesce(gp.name, gp.key)}] END +
    referrals + hospital_told + gp_told AS evidence,
  detected_on,
  child_name + ' was born on ' + toString(t) + ' to ' + offender + ' (' + role + '), ' +
    CASE WHEN managed THEN 'under notification requirements: '
         ELSE 'whose notification requirements ended on ' + toString(np.to) + ': ' END +
    reduce(s = '', g IN gaps | s + CASE s WHEN '' THEN '' ELSE '; ' END + g.gap) AS summary,
  b.source + ':' + b.source_id AS fact,
  CASE WHEN awaiting THEN 'medium' WHEN managed THEN 'critical' ELSE 'high' END AS severity,
  CASE WHEN awaiting THEN 'awaiting ' +
         reduce(s = '', g IN [x IN [CASE WHEN NOT referred THEN 'a referral' END,
                                    CASE WHEN NOT gp_ok THEN 'the GP practice told' END] WHERE x IS NOT NULL] |
                s + CASE s WHEN '' THEN '' ELSE ' and ' END + g) + ' by ' + toString(due)
       ELSE '' END AS status
ORDER BY t
