// csc_closure_recipients: Children's social care - who received each closure summary
// Source: csc_closure_recipients.csv (childrens_social_care, LiquidLogic); one row = one record, id column recipient_id.
// Which agency received each closure summary, and when (S12: a case closed without telling every involved agency).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (closure:Closure {key: "{closure_id}"})
//   (agency:Agency {key: "{agency_id}"})
//   (closure)-[:SENT_TO {date}]->(agency)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (closure:Closure {key: row.closure_key})
  ON CREATE SET closure.source = $feed, closure.source_id = row._id, closure.loaded_at = $loaded_at
SET closure.sources = CASE WHEN $feed IN coalesce(closure.sources, []) THEN closure.sources ELSE coalesce(closure.sources, []) + $feed END
MERGE (agency:Agency {key: row.agency_key})
  ON CREATE SET agency.source = $feed, agency.source_id = row._id, agency.loaded_at = $loaded_at
SET agency.sources = CASE WHEN $feed IN coalesce(agency.sources, []) THEN agency.sources ELSE coalesce(agency.sources, []) + $feed END
MERGE (closure)-[r_sent_to:SENT_TO {source: $feed, source_id: row._id}]->(agency)
  ON CREATE SET r_sent_to.loaded_at = $loaded_at
SET r_sent_to.date = row.sent_date
