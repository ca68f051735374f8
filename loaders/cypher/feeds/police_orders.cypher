// police_orders: Police offender management - court orders (SOPO, SHPO)
// Source: police_orders.csv (police, ViSOR); one row = one record, id column order_id.
// Court orders on a nominal (SOPO, SHPO, interim SHPO, SRO) with start and end dates; the prohibitions are in police_order_conditions.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (order:Order {key: "{order_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (offender)-[:SUBJECT_OF {from, to}]->(order)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (order:Order {key: row.order_key})
  ON CREATE SET order.source = $feed, order.source_id = row._id, order.loaded_at = $loaded_at
SET order.sources = CASE WHEN $feed IN coalesce(order.sources, []) THEN order.sources ELSE coalesce(order.sources, []) + $feed END,
    order.order_type = row.order_type,
    order.start_date = row.start_date,
    order.end_date = row.end_date,
    order.court = row.court
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (offender)-[r_subject_of:SUBJECT_OF {source: $feed, source_id: row._id}]->(order)
  ON CREATE SET r_subject_of.loaded_at = $loaded_at
SET r_subject_of.from = row.start_date, r_subject_of.to = row.end_date
