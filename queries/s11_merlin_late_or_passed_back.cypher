// ---
// name: s11_merlin_late_or_passed_back
// title: A MERLIN about a child was sent late, never sent, or passed back without action
// signal: S11
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   late_days: {type: int, default: 30, help: A MERLIN sent more than this many days after the concern became known is late (MERLIN_LATE_DAYS)}
// rationale: >
//   Jigsaw 1 learned in October 2016 that Mr A was in contact with his cousin's three children; the MERLIN
//   reached the MASH police some four months later, and they passed it back without sharing it with
//   children's social care, so no one ever assessed those children (review 3.5, 5.15, 5.16; Rec 1).
//   Every MERLIN, with or without a nominal, that was passed back or closed with no action, or that was
//   sent more than the allowed days after the concern (or never sent), raises this flag.
// action: >
//   Make sure the concern reaches children's social care now (Rec 1) and consider a strategy discussion
//   (Rec 2); record why the MERLIN was late or passed back and escalate to the MASH police supervisor.
// ---
// One flag per MERLIN record (the instance is the record). A MERLIN is dated by its creation; the rule
// reads the concern date and the sent date it carries (docs/model.md: lateness is the gap between them).
// start from the merlin records (index event_kind), not from every dated record
MATCH (m:Event)
USING INDEX m:Event(kind)
WHERE m.kind = 'merlin' AND m.date <= $as_of
WITH m,
     m.outcome IN ['passed_back', 'no_action'] AND coalesce(m.sent_date, m.date) <= $as_of AS passed_back,
     // never sent, or sent more than late_days after the concern, once the allowed days are over on as_of;
     // a MERLIN sent after as_of had not been sent on as_of (and is then late by definition)
     (m.sent_date IS NULL OR duration.inDays(m.concern_date, m.sent_date).days > $late_days)
       AND m.concern_date + duration({days: $late_days + 1}) <= $as_of AS late
WHERE passed_back OR late
WITH m, passed_back, late,
     CASE WHEN m.sent_date IS NULL OR m.sent_date > $as_of THEN null ELSE m.sent_date END AS sent
// the child the concern is about, as an identity (the MERLIN's own child record joins it by exact linkage)
MATCH (m)-[about_child:CONCERNS_CHILD]->(c:Person)
OPTIONAL MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
OPTIONAL MATCH (ci)-[:HAS_RECORD]->(cr:Person)
WITH m, passed_back, late, sent, c, ci, collect(DISTINCT cr.key) AS child_records
OPTIONAL MATCH (m)-[about:ABOUT]->(o:Person)
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
OPTIONAL MATCH (m)-[sent_to:SENT_TO]->(recipient:Agency)
WITH m, passed_back, late, sent, c, ci, child_records, o, team, recipient, sent_to,
     c.forenames + ' ' + c.surname AS child_name,
     CASE WHEN sent IS NULL THEN null ELSE duration.inDays(m.concern_date, sent).days END AS gap
WITH m, passed_back, late, sent, c, ci, child_records, o, team, recipient, sent_to, child_name, gap,
     CASE
       WHEN passed_back THEN 'passed back by ' + coalesce(recipient.name, recipient.key, 'the receiving team') +
                             ' (outcome ' + m.outcome + ')'
       WHEN sent IS NULL THEN 'not sent ' + toString(duration.inDays(m.concern_date, $as_of).days) +
                              ' days after the concern'
       ELSE 'sent ' + toString(gap) + ' days after the concern'
     END AS failing,
     CASE WHEN passed_back THEN coalesce(m.sent_date, m.date)
          ELSE m.concern_date + duration({days: $late_days + 1}) END AS detected_on
RETURN
  [{key: coalesce(ci.key, c.key), name: child_name, dob: coalesce(c.dob, ci.dob),
    records: CASE WHEN size(child_records) = 0 THEN [c.key] ELSE child_records END}] AS children,
  CASE WHEN o IS NULL THEN null
       ELSE {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob, risk_level: o.risk_level} END AS subject,
  CASE WHEN o IS NULL THEN [] ELSE [{key: o.key, name: o.forenames + ' ' + o.surname, role: 'offender'}] END AS people,
  [] AS addresses,
  [x IN [team, recipient] WHERE x IS NOT NULL | {key: x.key, name: coalesce(x.name, x.key)}] AS agencies,
  [CASE WHEN o IS NULL THEN '' ELSE '(' + o.forenames + ' ' + o.surname + ')<-[about]-' END +
   '(MERLIN ' + m.source_id + ')-[concerns child]->(' + child_name + ')' +
   CASE WHEN recipient IS NULL THEN '' ELSE ', (MERLIN ' + m.source_id + ')-[sent to ' + toString(sent_to.date) +
        ']->(' + coalesce(recipient.name, recipient.key) + ')' END] AS path,
  [{agency: 'police', feed: m.source, record_id: m.source_id, date: m.date,
    what: 'MERLIN about ' + child_name + ': concern known ' + toString(m.concern_date) + ', created ' +
          toString(m.date) + ', ' + failing + coalesce(': ' + m.summary, '')}] AS evidence,
  detected_on,
  'MERLIN ' + m.source_id + ' about ' + child_name + CASE WHEN o IS NULL THEN '' ELSE ' (re ' + o.forenames + ' ' +
  o.surname + ')' END + ': ' + failing + '; the concern may never have reached children\'s social care' AS summary,
  m.source + ':' + m.source_id AS fact
ORDER BY detected_on
