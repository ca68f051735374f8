// education_collections: Early years and education - who drops off and collects
// Source: education_collections.csv (education, school information system); one row = one record, id column record_id.
// Who dropped off or collected a child at a setting: the adult as the setting knows them, the relationship given, unaccompanied or not.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (collection:Collection:Event {key: "{record_id}"})
//   (pupil:Person {key: "upn:{pupil_id}"})
//   (adult:Person {key: "edu-contact:{setting_id}:{contact_id}"})
//   (setting:Agency {key: "{setting_id}"})
//   (collection)-[:OF_CHILD]->(pupil)
//   (collection)-[:BY_ADULT]->(adult)
//   (collection)-[:AT]->(setting)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (collection:Collection {key: row.collection_key})
  ON CREATE SET collection.source = $feed, collection.source_id = row._id, collection.loaded_at = $loaded_at
SET collection:Event,
    collection.sources = CASE WHEN $feed IN coalesce(collection.sources, []) THEN collection.sources ELSE coalesce(collection.sources, []) + $feed END,
    collection.date = row.observed_date,
    collection.agency = 'education',
    collection.system = 'school information system',
    collection.kind = 'collection',
    collection.summary = row.note,
    collection.adult_relationship = row.adult_relationship,
    collection.unaccompanied = row.unaccompanied
MERGE (pupil:Person {key: row.pupil_key})
  ON CREATE SET pupil.source = $feed, pupil.source_id = row._id, pupil.loaded_at = $loaded_at
SET pupil.sources = CASE WHEN $feed IN coalesce(pupil.sources, []) THEN pupil.sources ELSE coalesce(pupil.sources, []) + $feed END,
    pupil.pupil_id = row.pupil_id
MERGE (adult:Person {key: row.adult_key})
  ON CREATE SET adult.source = $feed, adult.source_id = row._id, adult.loaded_at = $loaded_at
SET adult.sources = CASE WHEN $feed IN coalesce(adult.sources, []) THEN adult.sources ELSE coalesce(adult.sources, []) + $feed END,
    adult.edu_contact_id = row.contact_id,
    adult.surname = row.adult_surname,
    adult.forenames = row.adult_forenames
MERGE (setting:Agency {key: row.setting_key})
  ON CREATE SET setting.source = $feed, setting.source_id = row._id, setting.loaded_at = $loaded_at
SET setting.sources = CASE WHEN $feed IN coalesce(setting.sources, []) THEN setting.sources ELSE coalesce(setting.sources, []) + $feed END
MERGE (collection)-[r_of_child:OF_CHILD {source: $feed, source_id: row._id}]->(pupil)
  ON CREATE SET r_of_child.loaded_at = $loaded_at
MERGE (collection)-[r_by_adult:BY_ADULT {source: $feed, source_id: row._id}]->(adult)
  ON CREATE SET r_by_adult.loaded_at = $loaded_at
MERGE (collection)-[r_at:AT {source: $feed, source_id: row._id}]->(setting)
  ON CREATE SET r_at.loaded_at = $loaded_at
