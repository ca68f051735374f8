// ---
// name: s9_unsupervised_contact_during_order
// title: An offender seen alone with a child under 16 while an order forbids unsupervised contact
// signal: S9
// severity: critical
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   Mr A was observed dropping off and collecting the children at nursery unaccompanied while his SOPO
//   forbade unsupervised contact with under-16s; the manager only reminded him of the nursery's
//   expectations and no breach was considered (review 3.22, 3.9). Every drop-off or collection recorded
//   as unaccompanied by an adult who is the offender (the same person through record linkage), of a
//   child under 16 on the day, within an order with a NO_UNSUPERVISED_CONTACT_U16 condition, raises
//   this flag, whatever his recorded risk level.
// action: >
//   Treat as a possible breach of the order: inform the offender manager and children's social care the
//   same day (Rec 1, Rec 2); agree with the setting who may collect the child.
// ---
// One flag per collection record. The setting knows the adult only by name (no date of birth): exact
// linkage ties that record to the offender by name and shared address. A child without a recorded date
// of birth is taken to be under 16 (benefit of the doubt to the child).
MATCH (o:Person)
USING INDEX o:Person(nominal_id)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[so:SUBJECT_OF]->(ord:Order)-[:HAS_CONDITION]->(cond:Condition {condition_code: 'NO_UNSUPERVISED_CONTACT_U16'})
WHERE so.from <= $as_of
MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(adult:Person)<-[:BY_ADULT]-(col:Collection)
WHERE col.unaccompanied AND so.from <= col.date <= coalesce(so.to, $as_of) AND col.date <= $as_of
MATCH (col)-[:OF_CHILD]->(pupil:Person), (col)-[:AT]->(setting:Agency)
OPTIONAL MATCH (pupil)<-[:HAS_RECORD]-(ci:Identity)
WITH o, col, pupil, ci, setting, coalesce(pupil.dob, ci.dob) AS dob,
     collect({agency: 'police', feed: so.source, record_id: so.source_id, date: so.from,
              what: ord.order_type + ' ' + toString(so.from) + ' to ' + coalesce(toString(so.to), 'indefinite') +
                    ': ' + cond.condition_text}) AS orders
WHERE dob IS NULL OR col.date < dob + duration({years: 16})
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, col, pupil, ci, setting, dob, orders, team, o.forenames + ' ' + o.surname AS offender,
     pupil.forenames + ' ' + pupil.surname AS child_name
RETURN
  [{key: coalesce(ci.key, pupil.key), name: child_name, dob: dob,
    records: CASE WHEN ci IS NULL THEN [pupil.key] ELSE [(ci)-[:HAS_RECORD]->(r:Person) | r.key] END}] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  [{key: setting.key, name: coalesce(setting.name, setting.key)}] +
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[same person]-(setting contact)-[alone with, ' + toString(col.date) + ']->(' + child_name +
   ' at ' + coalesce(setting.name, setting.key) + ')',
   '(' + offender + ')-[subject of order: no unsupervised contact with under-16s]->(' + head(orders).what + ')']
    AS path,
  [{agency: 'education', feed: col.source, record_id: col.source_id, date: col.date,
    what: 'unaccompanied drop-off/collection of ' + child_name + ' (given as ' +
          coalesce(col.adult_relationship, 'unknown') + ')' + coalesce(': ' + col.summary, '')}] + orders
    AS evidence,
  col.date AS detected_on,
  offender + ' was alone with ' + child_name + ' (under 16) at ' + coalesce(setting.name, setting.key) + ' on ' +
  toString(col.date) + ' while an order forbids unsupervised contact with under-16s' AS summary,
  col.source + ':' + col.source_id AS fact
ORDER BY detected_on
