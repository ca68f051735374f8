// practitioners: Practitioners (agency contacts)
// Source: practitioners.csv (multi-agency, partnership directory); one row = one record, id column practitioner_id.
// Named staff of the agencies (offender managers, social workers, health visitors, DSLs...): the people who record contacts and visits.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (practitioner:Person:Practitioner {key: "staff:{practitioner_id}"})
//   (agency:Agency {key: "{agency_id}"})
//   (practitioner)-[:WORKS_FOR]->(agency)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (practitioner:Person {key: row.practitioner_key})
  ON CREATE SET practitioner.source = $feed, practitioner.source_id = row._id, practitioner.loaded_at = $loaded_at
SET practitioner:Practitioner,
    practitioner.sources = CASE WHEN $feed IN coalesce(practitioner.sources, []) THEN practitioner.sources ELSE coalesce(practitioner.sources, []) + $feed END,
    practitioner.practitioner_id = row.practitioner_id,
    practitioner.surname = row.surname,
    practitioner.forenames = row.forenames,
    practitioner.role = row.role,
    practitioner.email = row.email
MERGE (agency:Agency {key: row.agency_key})
  ON CREATE SET agency.source = $feed, agency.source_id = row._id, agency.loaded_at = $loaded_at
SET agency.sources = CASE WHEN $feed IN coalesce(agency.sources, []) THEN agency.sources ELSE coalesce(agency.sources, []) + $feed END
MERGE (practitioner)-[r_works_for:WORKS_FOR {source: $feed, source_id: row._id}]->(agency)
  ON CREATE SET r_works_for.loaded_at = $loaded_at
