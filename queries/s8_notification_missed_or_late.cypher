// ---
// name: s8_notification_missed_or_late
// title: An offender missed a notification (annual or change) or made it late
// signal: S8
// severity: medium
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   In November 2018 Mr A failed to attend the police station for his annual notification (review 3.13);
//   re-notification is due every 12 months and changes within 3 days (SOA 2003). Every notification
//   recorded as missed or late raises this flag from the day after it was due, whatever the offender's
//   recorded risk level: a breach is also a significant change calling for a reassessment (5.19).
// action: >
//   Treat as a notification breach: contact the offender, establish his circumstances (address, partner,
//   children), consider prosecution and reassess risk (3.13, 5.19).
// ---
// One flag per notification record whose outcome is missed or late, due while the offender was under
// notification requirements. The due date is known in advance, so on replay a notification not yet made
// shows from the day after it was due.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[:MADE_NOTIFICATION]->(n:Notification)
WHERE n.outcome IN ['missed', 'late'] AND n.due_date < $as_of
  AND EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= n.due_date AND (np.to IS NULL OR n.due_date <= np.to)
  }
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, n, team, o.forenames + ' ' + o.surname AS offender,
     CASE WHEN n.notification_date IS NULL OR n.notification_date > $as_of THEN 'not made'
          ELSE 'made ' + toString(duration.inDays(n.due_date, n.notification_date).days) + ' days late, on ' +
               toString(n.notification_date) END AS state
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[' + n.notification_type + ' notification due ' + toString(n.due_date) + ': ' + state +
   ']->(police)'] AS path,
  [{agency: 'police', feed: n.source, record_id: n.source_id, date: n.due_date,
    what: n.notification_type + ' notification due ' + toString(n.due_date) + ', ' + state}] AS evidence,
  n.due_date + duration({days: 1}) AS detected_on,
  offender + ': ' + n.notification_type + ' notification due on ' + toString(n.due_date) + ' ' + state AS summary,
  n.source + ':' + n.source_id AS fact
ORDER BY detected_on
