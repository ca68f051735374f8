// health_gp_registrations: Health - GP registrations
// Source: health_gp_registrations.csv (health, GP clinical system); one row = one record, id column registration_id.
// GP registrations: the patient (by NHS number), the practice, the registered address and the registration period.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (patient:Person {key: "nhs:{nhs_number}"})
//   (practice:Agency {key: "{practice_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (patient)-[:REGISTERED_WITH {from, to}]->(practice)
//   (patient)-[:LIVES_AT {from, to}]->(address)   when address_line1, postcode
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (patient:Person {key: row.patient_key})
  ON CREATE SET patient.source = $feed, patient.source_id = row._id, patient.loaded_at = $loaded_at
// A key conflict: the NHS number is already held by someone with another name *and* another date of birth.
// Neither overwrites the other: the name and date of birth first loaded stay, the other record's are kept in
// key_conflicts ("feed:id: name, born date"), and the node is labelled KeyConflict (counted by `sightline stats`).
// named_by lists the records that wrote the name: loading one of them again is never a conflict, so a re-load
// (or one after a load cut short) replays the first load exactly.
WITH row, patient,
     NOT $feed + ':' + row._id IN coalesce(patient.named_by, []) AND
     patient.dob IS NOT NULL AND row.date_of_birth IS NOT NULL AND patient.dob <> row.date_of_birth AND
     toLower(trim(coalesce(patient.forenames, '') + ' ' + coalesce(patient.surname, ''))) <>
     toLower(trim(coalesce(row.forenames, '') + ' ' + coalesce(row.surname, ''))) AS conflict
WITH row, patient, conflict,
     $feed + ':' + row._id + ': ' + trim(coalesce(row.forenames, '') + ' ' + coalesce(row.surname, '')) +
     ', born ' + toString(row.date_of_birth) AS other
SET patient.sources = CASE WHEN $feed IN coalesce(patient.sources, []) THEN patient.sources ELSE coalesce(patient.sources, []) + $feed END,
    patient.nhs_number = row.nhs_number,
    patient.surname = CASE WHEN conflict THEN patient.surname ELSE row.surname END,
    patient.forenames = CASE WHEN conflict THEN patient.forenames ELSE row.forenames END,
    patient.dob = CASE WHEN conflict THEN patient.dob ELSE row.date_of_birth END,
    patient.named_by = CASE WHEN conflict OR $feed + ':' + row._id IN coalesce(patient.named_by, []) THEN patient.named_by
                  ELSE coalesce(patient.named_by, []) + ($feed + ':' + row._id) END,
    patient.sex = coalesce(row.sex, patient.sex),
    patient.key_conflicts = CASE WHEN NOT conflict OR other IN coalesce(patient.key_conflicts, []) THEN patient.key_conflicts
                            ELSE coalesce(patient.key_conflicts, []) + other END
FOREACH (_ IN CASE WHEN conflict THEN [1] ELSE [] END | SET patient:KeyConflict)
WITH row, patient
MERGE (practice:Agency {key: row.practice_key})
  ON CREATE SET practice.source = $feed, practice.source_id = row._id, practice.loaded_at = $loaded_at
SET practice.sources = CASE WHEN $feed IN coalesce(practice.sources, []) THEN practice.sources ELSE coalesce(practice.sources, []) + $feed END
MERGE (patient)-[r_registered_with:REGISTERED_WITH {source: $feed, source_id: row._id}]->(practice)
  ON CREATE SET r_registered_with.loaded_at = $loaded_at
SET r_registered_with.from = row.registered_from, r_registered_with.to = row.registered_to
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
  MERGE (patient)-[r_lives_at:LIVES_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_lives_at.loaded_at = $loaded_at
  SET r_lives_at.from = row.registered_from, r_lives_at.to = row.registered_to,
      r_lives_at.written = row.address_line1
)
