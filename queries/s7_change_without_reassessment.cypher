// ---
// name: s7_change_without_reassessment
// title: A significant change (new address, partner or child) was not followed by a risk reassessment
// signal: S7
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   window_days: {type: int, default: 90, help: Days within which a change must be followed by a reassessment (rules.REASSESS_DAYS)}
// rationale: >
//   No extra ARMS assessment was done in November 2017 although Mr A was confirmed as having children, nor
//   when he confirmed staying at Ms R's address or when she became known as his partner (review 5.19);
//   the omissions were not identified at the time (5.21). ARMS is due after any significant change
//   (fn 8). Every change recorded while the offender is under management (a new registered address
//   after his first, a partner or child recorded by police, a new partner reported to probation, a
//   birth naming him as parent) with no assessment within the window raises this flag, whatever his
//   recorded risk level. Raise on the day: the change shows the day it is recorded, as awaiting a
//   reassessment (medium) while the window is open, and escalates (high) when it passes without one.
// action: >
//   Reassess risk (ARMS) now, visiting the new household and identifying any children; refer to
//   children's social care where children are found (Rec 1, Rec 2).
// ---
// One flag per offender and day of change. A change day counts when the offender is under notification
// requirements on it and on the last day of the window (or on as_of, while the window is open), and no risk
// assessment is dated within [change, change + window_days] and on or before as_of. Changes on the same day
// are one flag. Raised on the change day; "awaiting" (medium) while the window is still open on as_of.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
OPTIONAL MATCH (o)<-[:HAS_RECORD]-(oi:Identity)
CALL (o, oi) {
  // a registered address after his first one (the first is where management began, not a change)
  MATCH (o)-[reg:REGISTERED_AT]->(a:Address)
  WHERE reg.from <= $as_of AND EXISTS { MATCH (o)-[first:REGISTERED_AT]->() WHERE first.from < reg.from }
  RETURN reg.from AS changed, 'new ' + reg.type + ' address ' + a.key AS change,
         {agency: 'police', feed: reg.source, record_id: reg.source_id, date: reg.from,
          what: 'registered a new ' + reg.type + ' address: ' + a.key} AS ev
  UNION
  // a partner or a child recorded by police
  MATCH (p:Person)-[as:ASSOCIATE_OF]->(o)
  WHERE as.relationship IN ['partner', 'child'] AND as.recorded <= $as_of
  RETURN as.recorded AS changed, as.relationship + ' recorded: ' + p.forenames + ' ' + p.surname AS change,
         {agency: 'police', feed: as.source, record_id: as.source_id, date: as.recorded,
          what: 'police recorded ' + p.forenames + ' ' + p.surname + ' as his ' + as.relationship} AS ev
  UNION
  // a new partner reported to probation (his probation case is another record of the same person)
  MATCH (oi)-[:HAS_RECORD]->(:Person)-[:HAD_CONTACT]->(c:Contact)
  WHERE c.kind = 'probation_contact' AND c.new_partner_reported AND c.date <= $as_of
  RETURN c.date AS changed, 'new partner reported to probation' AS change,
         {agency: 'probation', feed: c.source, record_id: c.source_id, date: c.date,
          what: 'new partner reported at a ' + c.contact_type + ' contact'} AS ev
  UNION
  // a child born to him (or her): a birth record naming one of his records as parent
  MATCH (oi)-[:HAS_RECORD]->(:Person)-[po:PARENT_OF]->(child:Person)<-[:BIRTH_OF]-(b:Birth)
  WHERE b.key = po.source_id AND b.date <= $as_of
  RETURN b.date AS changed, 'birth of a child (' + po.relationship + ' on the birth record)' AS change,
         {agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
          what: 'birth of ' + coalesce(child.forenames + ' ', '') + child.surname + ', named as ' +
                po.relationship} AS ev
}
WITH o, changed, changed + duration({days: $window_days}) AS window_end, collect(DISTINCT change) AS changes,
     collect(DISTINCT ev) AS evidence
WITH o, changed, window_end, changes, evidence, $as_of <= window_end AS awaiting,
     CASE WHEN window_end < $as_of THEN window_end ELSE $as_of END AS last
WHERE EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= changed AND (np.to IS NULL OR changed <= np.to)
  }
  AND EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= last AND (np.to IS NULL OR last <= np.to)
  }
  AND NOT EXISTS {
    MATCH (o)-[:ASSESSED_IN]->(ra:RiskAssessment)
    WHERE changed <= ra.date <= last
  }
// the assessments either side show what was (not) done
OPTIONAL CALL (o, changed) {
  MATCH (o)-[:ASSESSED_IN]->(ra:RiskAssessment)
  WHERE ra.date < changed
  RETURN ra AS before ORDER BY ra.date DESC LIMIT 1
}
OPTIONAL CALL (o, window_end) {
  MATCH (o)-[:ASSESSED_IN]->(ra:RiskAssessment)
  WHERE window_end < ra.date <= $as_of
  RETURN ra AS after ORDER BY ra.date LIMIT 1
}
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, team, changed, window_end, awaiting, changes, evidence, before, after, o.forenames + ' ' + o.surname AS offender,
     reduce(t = '', c IN changes | t + CASE t WHEN '' THEN '' ELSE '; ' END + c) AS change_text
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[' + toString(changed) + ': ' + change_text + ']',
   '(' + offender + ')-[no risk assessment ' + toString(changed) + ' to ' +
     CASE WHEN awaiting THEN toString($as_of) + ', due by ' + toString(window_end) ELSE toString(window_end) END +
     ']'] AS path,
  evidence +
  CASE WHEN before IS NULL THEN [] ELSE [{agency: 'police', feed: before.source, record_id: before.source_id,
    date: before.date, what: 'last ' + before.tool + ' assessment before the change'}] END +
  CASE WHEN after IS NULL THEN [] ELSE [{agency: 'police', feed: after.source, record_id: after.source_id,
    date: after.date, what: 'next ' + after.tool + ' assessment, after the window'}] END AS evidence,
  changed AS detected_on,
  CASE WHEN awaiting
       THEN 'No risk reassessment of ' + offender + ' yet after a change on ' + toString(changed) + ' (' +
            change_text + '); due by ' + toString(window_end)
       ELSE 'No risk reassessment of ' + offender + ' within ' + toString($window_days) + ' days of a change on ' +
            toString(changed) + ' (' + change_text + ')' END AS summary,
  'change on ' + toString(changed) AS fact,
  CASE WHEN awaiting THEN 'medium' ELSE 'high' END AS severity,
  CASE WHEN awaiting THEN 'awaiting a reassessment by ' + toString(window_end) ELSE '' END AS status
ORDER BY detected_on
