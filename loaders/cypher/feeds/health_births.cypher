// health_births: Health - births
// Source: health_births.csv (health, maternity system); one row = one record, id column birth_id.
// Births from the maternity system: baby and mother by NHS number, father as recorded, hospital, NICU admission, home address.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (birth:Birth:Event {key: "{birth_id}"})
//   (child:Person {key: "nhs:{child_nhs_number}"})
//   (mother:Person {key: "nhs:{mother_nhs_number}"})   when mother_nhs_number
//   (father:Person {key: "birth-father:{birth_id}"})   when father_surname
//   (hospital:Agency {key: "{hospital_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (birth)-[:BIRTH_OF]->(child)
//   (mother)-[:PARENT_OF {relationship}]->(child)   when mother_nhs_number
//   (father)-[:PARENT_OF {relationship}]->(child)   when father_surname
//   (birth)-[:AT]->(hospital)
//   (child)-[:LIVES_AT {from}]->(address)   when address_line1, postcode
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (birth:Birth {key: row.birth_key})
  ON CREATE SET birth.source = $feed, birth.source_id = row._id, birth.loaded_at = $loaded_at
SET birth:Event,
    birth.sources = CASE WHEN $feed IN coalesce(birth.sources, []) THEN birth.sources ELSE coalesce(birth.sources, []) + $feed END,
    birth.date = row.date_of_birth,
    birth.agency = 'health',
    birth.system = 'maternity system',
    birth.kind = 'birth',
    birth.nicu_admission = row.nicu_admission
MERGE (child:Person {key: row.child_key})
  ON CREATE SET child.source = $feed, child.source_id = row._id, child.loaded_at = $loaded_at
// A key conflict (the NHS number already held by someone with another name *and* date of birth): neither
// overwrites the other; see health_gp_registrations.cypher.
WITH row, birth, child,
     NOT $feed + ':' + row._id IN coalesce(child.named_by, []) AND
     child.dob IS NOT NULL AND row.date_of_birth IS NOT NULL AND child.dob <> row.date_of_birth AND
     toLower(trim(coalesce(child.forenames, '') + ' ' + coalesce(child.surname, ''))) <>
     toLower(trim(coalesce(row.child_forenames, '') + ' ' + coalesce(row.child_surname, ''))) AS conflict
WITH row, birth, child, conflict,
     $feed + ':' + row._id + ': ' + trim(coalesce(row.child_forenames, '') + ' ' + coalesce(row.child_surname, '')) +
     ', born ' + toString(row.date_of_birth) AS other
SET child.sources = CASE WHEN $feed IN coalesce(child.sources, []) THEN child.sources ELSE coalesce(child.sources, []) + $feed END,
    child.nhs_number = row.child_nhs_number,
    child.surname = CASE WHEN conflict THEN child.surname ELSE row.child_surname END,
    child.forenames = CASE WHEN conflict THEN child.forenames ELSE coalesce(row.child_forenames, child.forenames) END,
    child.dob = CASE WHEN conflict THEN child.dob ELSE row.date_of_birth END,
    child.named_by = CASE WHEN conflict OR $feed + ':' + row._id IN coalesce(child.named_by, []) THEN child.named_by
                  ELSE coalesce(child.named_by, []) + ($feed + ':' + row._id) END,
    child.sex = coalesce(row.sex, child.sex),
    child.key_conflicts = CASE WHEN NOT conflict OR other IN coalesce(child.key_conflicts, []) THEN child.key_conflicts
                          ELSE coalesce(child.key_conflicts, []) + other END
FOREACH (_ IN CASE WHEN conflict THEN [1] ELSE [] END | SET child:KeyConflict)
WITH row, birth, child
MERGE (hospital:Agency {key: row.hospital_key})
  ON CREATE SET hospital.source = $feed, hospital.source_id = row._id, hospital.loaded_at = $loaded_at
SET hospital.sources = CASE WHEN $feed IN coalesce(hospital.sources, []) THEN hospital.sources ELSE coalesce(hospital.sources, []) + $feed END
MERGE (birth)-[r_birth_of:BIRTH_OF {source: $feed, source_id: row._id}]->(child)
  ON CREATE SET r_birth_of.loaded_at = $loaded_at
MERGE (birth)-[r_at:AT {source: $feed, source_id: row._id}]->(hospital)
  ON CREATE SET r_at.loaded_at = $loaded_at
// mother: only when mother_nhs_number is not empty (a baby found, a mother not identified)
FOREACH (_ IN CASE WHEN row.mother_key IS NULL THEN [] ELSE [1] END |
  MERGE (mother:Person {key: row.mother_key})
    ON CREATE SET mother.source = $feed, mother.source_id = row._id, mother.loaded_at = $loaded_at
  SET mother.sources = CASE WHEN $feed IN coalesce(mother.sources, []) THEN mother.sources ELSE coalesce(mother.sources, []) + $feed END,
      mother.nhs_number = row.mother_nhs_number
  MERGE (mother)-[r_parent_of_mother:PARENT_OF {source: $feed, source_id: row._id}]->(child)
    ON CREATE SET r_parent_of_mother.loaded_at = $loaded_at
  SET r_parent_of_mother.relationship = 'mother'
)
// father: only when father_surname is not empty
FOREACH (_ IN CASE WHEN row.father_key IS NULL THEN [] ELSE [1] END |
  MERGE (father:Person {key: row.father_key})
    ON CREATE SET father.source = $feed, father.source_id = row._id, father.loaded_at = $loaded_at
  SET father.sources = CASE WHEN $feed IN coalesce(father.sources, []) THEN father.sources ELSE coalesce(father.sources, []) + $feed END,
      father.surname = row.father_surname,
      father.forenames = row.father_forenames,
      father.dob = row.father_date_of_birth
  MERGE (father)-[r_parent_of_father:PARENT_OF {source: $feed, source_id: row._id}]->(child)
    ON CREATE SET r_parent_of_father.loaded_at = $loaded_at
  SET r_parent_of_father.relationship = 'father'
)
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
  MERGE (child)-[r_lives_at:LIVES_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_lives_at.loaded_at = $loaded_at
  SET r_lives_at.from = row.date_of_birth,
      r_lives_at.written = row.address_line1
)
