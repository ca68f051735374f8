// ---
// name: s9_note_role_or_contact_during_order
// title: A note describes a role with children, or looking after children alone, while an order forbids it
// signal: S9
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   Mr A's work that may have brought him into contact with under-16s, and his being alone with the
//   children, were written down by the people who saw or heard of them, not entered in a structured field,
//   and no one set them against his SOPO (review 3.9, 3.22, 3.23). Voluntary roles (coaching a youth team,
//   helping at a club) and babysitting are told to officers at home visits, to probation at supervision and
//   to police as intelligence. Every fact the note reader proposes about the offender (the same person
//   through record linkage), a role bringing contact with children while an order with a NO_WORK_WITH_U16
//   condition is in force, or looking after children alone while one with a NO_UNSUPERVISED_CONTACT_U16
//   condition is, raises this flag, whatever his recorded risk level. It comes from a note: the flag says
//   so and cites the sentence, for the analyst to confirm.
// action: >
//   Confirm the sentence with the officer or agency who wrote it; then establish the role or the
//   arrangement, treat as a possible breach of the order, reassess risk, and refer any child identified to
//   children's social care (3.22, 3.23, Rec 1, Rec 2).
// ---
// One flag per fact (record, kind and sentence of notes/read.py). A role counts against a condition on work
// (paid or unpaid); looking after or being alone with children against one on unsupervised contact.
// (three MATCH clauses, not one pattern: the fact may be about the police record itself, and one pattern
// never walks the same HAS_RECORD twice)
MATCH (nf:NoteFact)-[:NOTE_ABOUT]->(p:Person)
WHERE nf.kind IN ['child_role', 'unsupervised_contact'] AND nf.date <= $as_of
MATCH (p)<-[:HAS_RECORD]-(pi:Identity)
MATCH (pi)-[:HAS_RECORD]->(o:Person)
WHERE o.nominal_id IS NOT NULL AND o:Offender
MATCH (o)-[so:SUBJECT_OF]->(ord:Order)-[:HAS_CONDITION]->(cond:Condition)
WHERE cond.condition_code = CASE nf.kind WHEN 'child_role' THEN 'NO_WORK_WITH_U16' ELSE 'NO_UNSUPERVISED_CONTACT_U16' END
  AND so.from <= nf.date <= coalesce(so.to, $as_of)
WITH DISTINCT nf, o, so, ord, cond
ORDER BY so.from
WITH nf, o,
     collect({agency: 'police', feed: so.source, record_id: so.source_id, date: so.from,
              what: ord.order_type + ' ' + toString(so.from) + ' to ' + coalesce(toString(so.to), 'indefinite') +
                    ': ' + cond.condition_text}) AS orders
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
OPTIONAL MATCH (nf)-[:FROM_RECORD]->(:Event)-[:WITH_AGENCY|AT]->(setting:Agency)
WITH nf, o, orders, team, setting, o.forenames + ' ' + o.surname AS offender,
     CASE nf.kind WHEN 'child_role' THEN 'a role with children (no work with under-16s)'
                  ELSE 'looking after children alone (no unsupervised contact with under-16s)' END AS what
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  [x IN [team, setting] WHERE x IS NOT NULL | {key: x.key, name: coalesce(x.name, x.key)}] AS agencies,
  ['(' + offender + ')-[' + what + ', from a note of ' + toString(nf.date) + ']->(' + nf.source + ' ' +
   nf.source_id + ')', '(' + offender + ')-[subject of order]->(' + head(orders).what + ')'] AS path,
  [{agency: nf.agency, feed: nf.source, record_id: nf.source_id, date: nf.date,
    what: 'from a note: "' + nf.sentence + '"', from_note: true, sentence: nf.sentence}] + orders AS evidence,
  nf.date AS detected_on,
  'A note of ' + toString(nf.date) + ' (' + nf.source + ' ' + nf.source_id + ') describes ' + offender + ' in ' +
  what + ' while an order forbids it: "' + nf.sentence + '"' AS summary,
  nf.source + ':' + nf.source_id + ':' + nf.kind + ':' + last(split(nf.key, ':')) AS fact,
  'from a note' AS confidence
ORDER BY detected_on
