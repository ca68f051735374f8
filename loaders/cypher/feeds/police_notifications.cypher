// police_notifications: Police offender management - notifications (initial, annual, changes, travel)
// Source: police_notifications.csv (police, ViSOR); one row = one record, id column notification_id.
// Notifications made (or due and missed) by a nominal: initial, annual, change of address, travel, passport.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (notification:Notification:Event {key: "{notification_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (offender)-[:MADE_NOTIFICATION]->(notification)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (notification:Notification {key: row.notification_key})
  ON CREATE SET notification.source = $feed, notification.source_id = row._id, notification.loaded_at = $loaded_at
SET notification:Event,
    notification.sources = CASE WHEN $feed IN coalesce(notification.sources, []) THEN notification.sources ELSE coalesce(notification.sources, []) + $feed END,
    notification.date = coalesce(row.notification_date, row.due_date),
    notification.agency = 'police',
    notification.system = 'ViSOR',
    notification.kind = 'notification',
    notification.summary = row.details,
    notification.notification_type = row.notification_type,
    notification.due_date = row.due_date,
    notification.notification_date = row.notification_date,
    notification.outcome = row.outcome
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (offender)-[r_made_notification:MADE_NOTIFICATION {source: $feed, source_id: row._id}]->(notification)
  ON CREATE SET r_made_notification.loaded_at = $loaded_at
