// police_order_conditions: Police offender management - order conditions (prohibitions)
// Source: police_order_conditions.csv (police, ViSOR); one row = one record, id column condition_id.
// The prohibitions of each court order (coded, e.g. NO_UNSUPERVISED_CONTACT_U16, with the order's wording).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (condition:Condition {key: "{condition_id}"})
//   (order:Order {key: "{order_id}"})
//   (order)-[:HAS_CONDITION]->(condition)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (condition:Condition {key: row.condition_key})
  ON CREATE SET condition.source = $feed, condition.source_id = row._id, condition.loaded_at = $loaded_at
SET condition.sources = CASE WHEN $feed IN coalesce(condition.sources, []) THEN condition.sources ELSE coalesce(condition.sources, []) + $feed END,
    condition.condition_code = row.condition_code,
    condition.condition_text = row.condition_text
MERGE (order:Order {key: row.order_key})
  ON CREATE SET order.source = $feed, order.source_id = row._id, order.loaded_at = $loaded_at
SET order.sources = CASE WHEN $feed IN coalesce(order.sources, []) THEN order.sources ELSE coalesce(order.sources, []) + $feed END
MERGE (order)-[r_has_condition:HAS_CONDITION {source: $feed, source_id: row._id}]->(condition)
  ON CREATE SET r_has_condition.loaded_at = $loaded_at
