// housing_tenancies: Housing - tenancies and the household on each
// Source: housing_tenancies.csv (housing, housing management system); one row = one record, id column tenancy_member_id.
// Each person a housing provider records on a tenancy (tenants and household members), with the address and the
// dates they were on it: where a child, or an offender, lives (issue 11, class 6).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (person:Person {key: "housing:{tenancy_member_id}"})
//   (address:Address {key: "{address_key}"})
//   (person)-[:LIVES_AT {from, to, tenancy, role}]->(address)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (person:Person {key: row.person_key})
  ON CREATE SET person.source = $feed, person.source_id = row._id, person.loaded_at = $loaded_at
SET person.sources = CASE WHEN $feed IN coalesce(person.sources, []) THEN person.sources ELSE coalesce(person.sources, []) + $feed END,
    person.surname = row.surname,
    person.forenames = row.forenames,
    person.dob = row.date_of_birth
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
SET r_lives_at.from = row.start_date, r_lives_at.to = row.end_date, r_lives_at.tenancy = row.tenancy_ref,
    r_lives_at.role = row.member_role,
    r_lives_at.written = row.address_line1  // first line as this record wrote it (S14)
