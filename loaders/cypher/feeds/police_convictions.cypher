// police_convictions: Police offender management - convictions
// Source: police_convictions.csv (police, ViSOR); one row = one record, id column conviction_id.
// ViSOR convictions of each nominal (offence, category, Schedule 3 flag, court, sentence).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (conviction:Conviction:Event {key: "{conviction_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (offender)-[:CONVICTED_OF]->(conviction)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (conviction:Conviction {key: row.conviction_key})
  ON CREATE SET conviction.source = $feed, conviction.source_id = row._id, conviction.loaded_at = $loaded_at
SET conviction:Event,
    conviction.sources = CASE WHEN $feed IN coalesce(conviction.sources, []) THEN conviction.sources ELSE coalesce(conviction.sources, []) + $feed END,
    conviction.date = row.conviction_date,
    conviction.agency = 'police',
    conviction.system = 'ViSOR',
    conviction.kind = 'conviction',
    conviction.offence = row.offence,
    conviction.offence_category = row.offence_category,
    conviction.schedule_3 = row.schedule_3,
    conviction.court = row.court,
    conviction.sentence = row.sentence
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (offender)-[r_convicted_of:CONVICTED_OF {source: $feed, source_id: row._id}]->(conviction)
  ON CREATE SET r_convicted_of.loaded_at = $loaded_at
