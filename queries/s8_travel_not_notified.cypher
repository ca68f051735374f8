// ---
// name: s8_travel_not_notified
// title: An offender travelled abroad without notifying police
// signal: S8
// severity: medium
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   notice_days: {type: int, default: 90, help: A travel notification counts when made at most this many days before departure (rules.TRAVEL_NOTICE_DAYS)}
// rationale: >
//   In November 2016 Border Force told Jigsaw 1 that Mr A had travelled abroad on a new passport; the
//   journey had not been notified, a breach of his notification requirements (review 3.7). All foreign
//   travel must be notified in advance (SI 2012/1876). Every Border Force departure of an offender under
//   management with no travel notification in the notice_days before it raises this flag, whatever his
//   recorded risk level.
// action: >
//   Treat as a notification breach: interview the offender, establish where he went and with whom, and
//   consider prosecution and a reassessment of risk (3.7, 5.19).
// ---
// One flag per travel record. Border Force holds the traveller by passport: the passport record is one
// of the offender's records through his identity.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(traveller:Person)-[:TRAVELLED]->(t:Travel)
WHERE t.date <= $as_of
  AND EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= t.date AND (np.to IS NULL OR t.date <= np.to)
  }
  AND NOT EXISTS {
    MATCH (o)-[:MADE_NOTIFICATION]->(n:Notification {notification_type: 'travel'})
    WHERE t.date - duration({days: $notice_days}) <= n.notification_date <= t.date
  }
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, traveller, t, team, o.forenames + ' ' + o.surname AS offender
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[same person]-(' + traveller.key + ')-[departed ' + toString(t.date) + ']->(' +
   t.destination + ')', '(' + offender + ')-[no travel notification]->(police)'] AS path,
  [{agency: 'border_force', feed: t.source, record_id: t.source_id, date: t.date,
    what: 'departed for ' + t.destination + ' on passport ' + traveller.passport_number}] AS evidence,
  t.date AS detected_on,
  offender + ' travelled to ' + t.destination + ' on ' + toString(t.date) +
  ' without notifying police in advance' AS summary,
  t.source + ':' + t.source_id AS fact
ORDER BY detected_on
