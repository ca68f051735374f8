// education_enrolments: Early years and education - enrolments
// Source: education_enrolments.csv (education, school information system); one row = one record, id column enrolment_id.
// Enrolments of children at nurseries, schools and children's centres, with the home address the setting holds.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (pupil:Person {key: "upn:{pupil_id}"})
//   (setting:Agency {key: "{setting_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (pupil)-[:ENROLLED_AT {from, to}]->(setting)
//   (pupil)-[:LIVES_AT {from, to}]->(address)   when address_line1, postcode
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (pupil:Person {key: row.pupil_key})
  ON CREATE SET pupil.source = $feed, pupil.source_id = row._id, pupil.loaded_at = $loaded_at
SET pupil.sources = CASE WHEN $feed IN coalesce(pupil.sources, []) THEN pupil.sources ELSE coalesce(pupil.sources, []) + $feed END,
    pupil.pupil_id = row.pupil_id,
    pupil.surname = row.surname,
    pupil.forenames = row.forenames,
    pupil.dob = row.date_of_birth,
    pupil.sex = coalesce(row.sex, pupil.sex)
MERGE (setting:Agency {key: row.setting_key})
  ON CREATE SET setting.source = $feed, setting.source_id = row._id, setting.loaded_at = $loaded_at
SET setting.sources = CASE WHEN $feed IN coalesce(setting.sources, []) THEN setting.sources ELSE coalesce(setting.sources, []) + $feed END
MERGE (pupil)-[r_enrolled_at:ENROLLED_AT {source: $feed, source_id: row._id}]->(setting)
  ON CREATE SET r_enrolled_at.loaded_at = $loaded_at
SET r_enrolled_at.from = row.start_date, r_enrolled_at.to = row.end_date
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
  MERGE (pupil)-[r_lives_at:LIVES_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_lives_at.loaded_at = $loaded_at
  SET r_lives_at.from = row.start_date, r_lives_at.to = row.end_date,
      r_lives_at.written = row.address_line1
)
