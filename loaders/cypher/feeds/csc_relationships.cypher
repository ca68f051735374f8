// csc_relationships: Children's social care - family relationships (SSD ssd_family / relationships)
// Source: csc_relationships.csv (childrens_social_care, LiquidLogic); one row = one record, id column rela_relationship_id.
// Family relationships recorded by children's social care between two CSC person records (rela_person_id is the <relationship> of rela_related_person_id).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (person:Person {key: "csc:{rela_person_id}"})
//   (related:Person {key: "csc:{rela_related_person_id}"})
//   (person)-[:FAMILY_OF {relationship, from, to}]->(related)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (person:Person {key: row.person_key})
  ON CREATE SET person.source = $feed, person.source_id = row._id, person.loaded_at = $loaded_at
SET person.sources = CASE WHEN $feed IN coalesce(person.sources, []) THEN person.sources ELSE coalesce(person.sources, []) + $feed END,
    person.csc_person_id = row.rela_person_id
MERGE (related:Person {key: row.related_key})
  ON CREATE SET related.source = $feed, related.source_id = row._id, related.loaded_at = $loaded_at
SET related.sources = CASE WHEN $feed IN coalesce(related.sources, []) THEN related.sources ELSE coalesce(related.sources, []) + $feed END,
    related.csc_person_id = row.rela_related_person_id
MERGE (person)-[r_family_of:FAMILY_OF {source: $feed, source_id: row._id}]->(related)
  ON CREATE SET r_family_of.loaded_at = $loaded_at
SET r_family_of.relationship = row.rela_relationship, r_family_of.from = row.rela_start_date, r_family_of.to = row.rela_end_date
