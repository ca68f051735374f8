// csc_persons: Children's social care - persons (SSD ssd_person)
// Source: csc_persons.csv (childrens_social_care, LiquidLogic); one row = one record, id column pers_person_id.
// Children's social care person records (SSD ssd_person with the current address of ssd_address).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (person:Person {key: "csc:{pers_person_id}"})
//   (address:Address {key: "{address_key}"})   when addr_address_line1, addr_address_postcode
//   (person)-[:LIVES_AT]->(address)   when addr_address_line1, addr_address_postcode
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (person:Person {key: row.person_key})
  ON CREATE SET person.source = $feed, person.source_id = row._id, person.loaded_at = $loaded_at
SET person.sources = CASE WHEN $feed IN coalesce(person.sources, []) THEN person.sources ELSE coalesce(person.sources, []) + $feed END,
    person.csc_person_id = row.pers_person_id,
    person.surname = row.pers_surname,
    person.forenames = row.pers_forename,
    person.dob = row.pers_dob,
    person.sex = row.pers_sex,
    person.nhs_number = row.pers_common_child_id
// address: only when addr_address_line1, addr_address_postcode are not empty
FOREACH (_ IN CASE WHEN row.address_key IS NULL THEN [] ELSE [1] END |
  MERGE (address:Address {key: row.address_key})
    ON CREATE SET address.source = $feed, address.source_id = row._id, address.loaded_at = $loaded_at
  SET address.sources = CASE WHEN $feed IN coalesce(address.sources, []) THEN address.sources ELSE coalesce(address.sources, []) + $feed END,
      address.line1 = row.addr_address_line1,
      address.line2 = coalesce(row.addr_address_line2, address.line2),
      address.town = coalesce(row.addr_address_town, address.town),
      address.postcode = row.addr_address_postcode,
      address.raw_forms = CASE WHEN row.addr_address_line1 + ', ' + row.addr_address_postcode IN coalesce(address.raw_forms, []) THEN address.raw_forms
                           ELSE coalesce(address.raw_forms, []) + (row.addr_address_line1 + ', ' + row.addr_address_postcode) END
  MERGE (person)-[r_lives_at:LIVES_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_lives_at.loaded_at = $loaded_at
)
