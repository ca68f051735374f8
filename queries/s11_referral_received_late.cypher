// ---
// name: s11_referral_received_late
// title: A referral reached children's social care long after the concern was known
// signal: S11
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   late_days: {type: int, default: 30, help: A referral received more than this many days after the referrer learned of the concern is late (MERLIN_LATE_DAYS)}
// rationale: >
//   The concern about Mr A's contact with his cousin's children took four months to travel from Jigsaw 1
//   to the MASH, and never reached children's social care (review 3.5, 5.15, 5.16; Rec 1). Any referral
//   whose received date is more than the allowed days after the date the referrer learned of the concern
//   shows the same delay, whoever the child and whoever the referrer.
// action: >
//   Check that the child was safe during the delay and that the assessment now covers what was missed;
//   ask the referring agency why the referral was late (Rec 1, Rec 2).
// ---
// One flag per referral record. The referral is dated by when children's social care received it
// (cine_referral_date); cine_concern_date is when the referrer learned of the concern.
// start from the referral records (index event_kind), not from every dated record
MATCH (r:Event)
USING INDEX r:Event(kind)
WHERE r.kind = 'referral' AND r.date <= $as_of AND r.cine_concern_date IS NOT NULL
  AND duration.inDays(r.cine_concern_date, r.date).days > $late_days
MATCH (r)-[:ABOUT]->(c:Person)
OPTIONAL MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
OPTIONAL MATCH (ci)-[:HAS_RECORD]->(cr:Person)
WITH r, c, ci, collect(DISTINCT cr) AS child_recs
// for the analyst, not for the rule: offenders the child is tied to by a police or birth record
// (his recorded associate, his child on a birth record, the child of a MERLIN about him)
CALL (child_recs) {
  CALL (child_recs) {
    UNWIND child_recs AS cr
    MATCH (cr)-[:ASSOCIATE_OF]->(o:Offender)
    RETURN o
    UNION
    UNWIND child_recs AS cr
    MATCH (cr)<-[:PARENT_OF]-(:Person)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(o:Offender)
    WHERE o.nominal_id IS NOT NULL
    RETURN o
    UNION
    UNWIND child_recs AS cr
    MATCH (cr)<-[:CONCERNS_CHILD]-(:Merlin)-[:ABOUT]->(o:Offender)
    RETURN o
  }
  RETURN collect(DISTINCT o)[..3] AS offenders
}
OPTIONAL MATCH (r)-[:REFERRED_BY]->(referrer:Agency)
WITH r, c, ci, [x IN child_recs | x.key] AS child_records, offenders, referrer,
     c.forenames + ' ' + c.surname AS child_name, duration.inDays(r.cine_concern_date, r.date).days AS gap
RETURN
  [{key: coalesce(ci.key, c.key), name: child_name, dob: coalesce(c.dob, ci.dob),
    records: CASE WHEN size(child_records) = 0 THEN [c.key] ELSE child_records END}] AS children,
  CASE WHEN size(offenders) = 0 THEN null
       ELSE {key: offenders[0].key, name: offenders[0].forenames + ' ' + offenders[0].surname, dob: offenders[0].dob,
             risk_level: offenders[0].risk_level} END AS subject,
  [o IN offenders | {key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN referrer IS NULL THEN [] ELSE [{key: referrer.key, name: coalesce(referrer.name, referrer.key)}] END AS agencies,
  ['(' + coalesce(referrer.name, r.cine_referral_source_code) + ')<-[referred by]-(referral ' + r.source_id +
   ')-[about]->(' + child_name + ')'] AS path,
  [{agency: 'childrens_social_care', feed: r.source, record_id: r.source_id, date: r.date,
    what: 'referral about ' + child_name + ' from ' + coalesce(referrer.name, r.cine_referral_source_code) +
          ' received ' + toString(gap) + ' days after the concern (' + toString(r.cine_concern_date) + ')' +
          coalesce(': ' + r.summary, '')}] AS evidence,
  r.cine_concern_date + duration({days: $late_days + 1}) AS detected_on,
  'Referral ' + r.source_id + ' about ' + child_name + ' reached children\'s social care ' + toString(gap) +
  ' days after the concern was known (allowed: ' + toString($late_days) + ')' AS summary,
  r.source + ':' + r.source_id AS fact
ORDER BY detected_on
