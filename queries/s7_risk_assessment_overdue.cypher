// ---
// name: s7_risk_assessment_overdue
// title: A risk assessment (ARMS) fell due and was not done
// signal: S7
// severity: medium
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   Jigsaw 1 failed to complete Mr A's annual ARMS assessment in 2017, 2018 and 2020, and no one noticed:
//   there was no standard way of scrutinising outstanding risk assessments (review 5.19, 5.21, fn 8).
//   Every assessment of an offender under management whose next due date passed with no later
//   assessment done by that date raises this flag, whatever his recorded risk level.
// action: >
//   Complete the ARMS assessment now, with a home visit to establish who lives there; the supervisor
//   reviews why it was missed (5.21).
// ---
// One flag per assessment whose next_due_date has passed (before as_of) while the offender was under
// notification requirements, when no later assessment is dated on or before that due date. Assessments
// recorded after as_of do not exist yet on replay.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[:ASSESSED_IN]->(a:RiskAssessment)
WHERE a.date <= $as_of AND a.next_due_date < $as_of
  AND EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= a.next_due_date AND (np.to IS NULL OR a.next_due_date <= np.to)
  }
  AND NOT EXISTS {
    MATCH (o)-[:ASSESSED_IN]->(b:RiskAssessment)
    WHERE a.date < b.date <= a.next_due_date
  }
// the assessment that eventually followed, if any, shows how late it was
OPTIONAL CALL (o, a) {
  MATCH (o)-[:ASSESSED_IN]->(b:RiskAssessment)
  WHERE a.next_due_date < b.date <= $as_of
  RETURN b ORDER BY b.date LIMIT 1
}
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, a, b, team, o.forenames + ' ' + o.surname AS offender,
     CASE WHEN b IS NULL THEN 'none since'
          ELSE 'next done ' + toString(b.date) + ', ' + toString(duration.inDays(a.next_due_date, b.date).days) +
               ' days late' END AS since
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[assessed ' + toString(a.date) + ', next due ' + toString(a.next_due_date) + ']->(' + a.tool +
   ' ' + a.key + ')', '(' + offender + ')-[' + since + ']'] AS path,
  [{agency: 'police', feed: a.source, record_id: a.source_id, date: a.date,
    what: a.tool + ' assessment (' + a.risk_level + '), next due ' + toString(a.next_due_date)}] +
  CASE WHEN b IS NULL THEN [] ELSE [{agency: 'police', feed: b.source, record_id: b.source_id, date: b.date,
                                     what: 'next ' + b.tool + ' assessment, after the due date'}] END AS evidence,
  a.next_due_date + duration({days: 1}) AS detected_on,
  a.tool + ' risk assessment of ' + offender + ' was due on ' + toString(a.next_due_date) + ' and not done (' +
  since + ')' AS summary,
  a.source + ':' + a.source_id AS fact
ORDER BY detected_on
