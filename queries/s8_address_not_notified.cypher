// ---
// name: s8_address_not_notified
// title: An offender uses an address he never notified (found by officers)
// signal: S8
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   notify_days: {type: int, default: 3, help: Days within which a change of address must be notified (rules.CHANGE_NOTIFY_DAYS, SOA 2003 s.84)}
// rationale: >
//   Mr A stayed most nights at Ms R's address, where her children lived, without registering it as his
//   residence for two years, and no one visited to see who lived there (review 3.12, 3.8, 5.19). An
//   address recorded against an offender under management that he never notified raises this flag
//   from notify_days after he began using it, whatever his recorded risk level; children recorded living
//   there at the time are named: staying at a household with a child is itself notifiable (SI 2012/1876).
// action: >
//   Treat as a notification breach; visit the address to establish who lives there and, where children
//   live there, refer to children's social care (Rec 1, Rec 2).
// ---
// One flag per registration with no notified date (or one after as_of: not yet notified on replay),
// begun while the offender was under notification requirements.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[reg:REGISTERED_AT]->(a:Address)
WHERE reg.from + duration({days: $notify_days + 1}) <= $as_of
  AND (reg.notified IS NULL OR reg.notified > $as_of)
  AND EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= reg.from AND (np.to IS NULL OR reg.from <= np.to)
  }
// children recorded living there while he uses it (GP registration, enrolment, birth address)
CALL (o, reg, a) {
  OPTIONAL MATCH (a)<-[home:LIVES_AT]-(child:Person)
  WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births']
    AND home.from <= coalesce(reg.to, $as_of) AND home.from <= $as_of
    AND coalesce(home.to, CASE home.source WHEN 'health_births' THEN home.from ELSE $as_of END) >= reg.from
    AND child.dob + duration({years: 18}) > CASE WHEN home.from > reg.from THEN home.from ELSE reg.from END
    AND NOT EXISTS { (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(child) }
  OPTIONAL MATCH (child)<-[:HAS_RECORD]-(ci:Identity)
  WITH ci, child, home
  WHERE child IS NOT NULL
  WITH coalesce(ci.key, child.key) AS key, collect(DISTINCT child.key) AS records,
       head(collect(child.forenames + ' ' + child.surname)) AS name, head(collect(child.dob)) AS dob,
       collect({agency: CASE home.source WHEN 'education_enrolments' THEN 'education' ELSE 'health' END,
                feed: home.source, record_id: home.source_id, date: home.from,
                what: child.forenames + ' ' + child.surname + ' recorded living at the address'}) AS ev
  RETURN collect({key: key, name: name, dob: dob, records: records}) AS children, reduce(x = [], e IN collect(ev) | x + e) AS child_ev
}
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, reg, a, team, children, child_ev, o.forenames + ' ' + o.surname AS offender,
     reduce(t = '', c IN children | t + CASE t WHEN '' THEN '' ELSE ', ' END + c.name) AS names
RETURN
  children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [a.key] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[' + reg.type + ' address from ' + toString(reg.from) + ', never notified]->(' + a.key + ')' +
   CASE names WHEN '' THEN '' ELSE '<-[lives at]-(' + names + ')' END] AS path,
  [{agency: 'police', feed: reg.source, record_id: reg.source_id, date: reg.from,
    what: reg.type + ' address ' + a.key + ' recorded from ' + toString(reg.from) + ', not notified'}] + child_ev
    AS evidence,
  reg.from + duration({days: $notify_days + 1}) AS detected_on,
  offender + ' has used ' + a.key + ' (' + reg.type + ') since ' + toString(reg.from) + ' without notifying it' +
  CASE names WHEN '' THEN '' ELSE '; children live there: ' + names END AS summary,
  reg.source + ':' + reg.source_id AS fact
ORDER BY detected_on
