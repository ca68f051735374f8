// probation_cases: Probation cases
// Source: probation_cases.csv (probation, nDelius); one row = one record, id column crn.
// nDelius probation cases: the person under supervision, the delivery unit, the probation practitioner, the address and the supervision period.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (person:Person:Offender {key: "probation:{crn}"})
//   (agency:Agency {key: "{agency_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (practitioner:Person {key: "staff:{practitioner_id}"})   when practitioner_id
//   (person)-[:SUPERVISED_BY {from, to}]->(agency)
//   (person)-[:LIVES_AT {from, to}]->(address)   when address_line1, postcode
//   (practitioner)-[:OFFENDER_MANAGER_OF]->(person)   when practitioner_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (person:Person {key: row.person_key})
  ON CREATE SET person.source = $feed, person.source_id = row._id, person.loaded_at = $loaded_at
SET person:Offender,
    person.sources = CASE WHEN $feed IN coalesce(person.sources, []) THEN person.sources ELSE coalesce(person.sources, []) + $feed END,
    person.crn = row.crn,
    person.surname = row.surname,
    person.forenames = row.forenames,
    person.dob = row.date_of_birth,
    person.sex = row.sex
MERGE (agency:Agency {key: row.agency_key})
  ON CREATE SET agency.source = $feed, agency.source_id = row._id, agency.loaded_at = $loaded_at
SET agency.sources = CASE WHEN $feed IN coalesce(agency.sources, []) THEN agency.sources ELSE coalesce(agency.sources, []) + $feed END
MERGE (person)-[r_supervised_by:SUPERVISED_BY {source: $feed, source_id: row._id}]->(agency)
  ON CREATE SET r_supervised_by.loaded_at = $loaded_at
SET r_supervised_by.from = row.start_date, r_supervised_by.to = row.end_date
// address: only when address_line1, postcode are not empty
FOREACH (_ IN CASE WHEN row.address_key IS NULL THEN [] ELSE [1] END |
  MERGE (address:Address {key: row.address_key})
    ON CREATE SET address.source = $feed, address.source_id = row._id, address.loaded_at = $loaded_at
  SET address.sources = CASE WHEN $feed IN coalesce(address.sources, []) THEN address.sources ELSE coalesce(address.sources, []) + $feed END,
      address.line1 = row.address_line1,
      address.line2 = coalesce(row.address_line2, address.line2),
      address.town = coalesce(row.town, address.town),
      address.postcode = row.postcode,
      address.raw_forms = CASE WHEN row.address_line1 + ', ' + row.postcode IN coalesce(address.raw_forms, []) THEN address.raw_forms
                           ELSE coalesce(address.raw_forms, []) + (row.address_line1 + ', ' + row.postcode) END
  MERGE (person)-[r_lives_at:LIVES_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_lives_at.loaded_at = $loaded_at
  SET r_lives_at.from = row.start_date, r_lives_at.to = row.end_date
)
// practitioner: only when practitioner_id is not empty
FOREACH (_ IN CASE WHEN row.practitioner_key IS NULL THEN [] ELSE [1] END |
  MERGE (practitioner:Person {key: row.practitioner_key})
    ON CREATE SET practitioner.source = $feed, practitioner.source_id = row._id, practitioner.loaded_at = $loaded_at
  SET practitioner.sources = CASE WHEN $feed IN coalesce(practitioner.sources, []) THEN practitioner.sources ELSE coalesce(practitioner.sources, []) + $feed END,
      practitioner.practitioner_id = row.practitioner_id
  MERGE (practitioner)-[r_offender_manager_of:OFFENDER_MANAGER_OF {source: $feed, source_id: row._id}]->(person)
    ON CREATE SET r_offender_manager_of.loaded_at = $loaded_at
)
