// csc_closures: Children's social care - case closures
// Source: csc_closures.csv (childrens_social_care, LiquidLogic); one row = one record, id column closure_id.
// Closures of children's social care cases: date, reason, whether the summary states the live order conditions.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (closure:Closure:Event {key: "{closure_id}"})
//   (referral:Referral {key: "{cine_referral_id}"})
//   (closure)-[:CLOSES]->(referral)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (closure:Closure {key: row.closure_key})
  ON CREATE SET closure.source = $feed, closure.source_id = row._id, closure.loaded_at = $loaded_at
SET closure:Event,
    closure.sources = CASE WHEN $feed IN coalesce(closure.sources, []) THEN closure.sources ELSE coalesce(closure.sources, []) + $feed END,
    closure.date = row.closure_date,
    closure.agency = 'childrens_social_care',
    closure.system = 'LiquidLogic',
    closure.kind = 'closure',
    closure.summary = row.summary,
    closure.closure_reason = row.closure_reason,
    closure.summary_includes_conditions = row.summary_includes_conditions
MERGE (referral:Referral {key: row.referral_key})
  ON CREATE SET referral.source = $feed, referral.source_id = row._id, referral.loaded_at = $loaded_at
SET referral.sources = CASE WHEN $feed IN coalesce(referral.sources, []) THEN referral.sources ELSE coalesce(referral.sources, []) + $feed END
MERGE (closure)-[r_closes:CLOSES {source: $feed, source_id: row._id}]->(referral)
  ON CREATE SET r_closes.loaded_at = $loaded_at
