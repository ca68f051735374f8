// police_notification_periods: Police offender management - notification periods
// Source: police_notification_periods.csv (police, ViSOR); one row = one record, id column period_id.
// Periods during which a nominal is subject to the notification requirements (Sexual Offences Act 2003, Part 2).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (period:NotificationPeriod {key: "{period_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (offender)-[:SUBJECT_OF {from, to}]->(period)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (period:NotificationPeriod {key: row.period_key})
  ON CREATE SET period.source = $feed, period.source_id = row._id, period.loaded_at = $loaded_at
SET period.sources = CASE WHEN $feed IN coalesce(period.sources, []) THEN period.sources ELSE coalesce(period.sources, []) + $feed END,
    period.start_date = row.start_date,
    period.end_date = row.end_date
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (offender)-[r_subject_of:SUBJECT_OF {source: $feed, source_id: row._id}]->(period)
  ON CREATE SET r_subject_of.loaded_at = $loaded_at
SET r_subject_of.from = row.start_date, r_subject_of.to = row.end_date
