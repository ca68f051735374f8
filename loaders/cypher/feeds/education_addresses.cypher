// education_addresses: Early years and education - a pupil's second or weekend address
// Source: education_addresses.csv (education, school information system); one row = one record, id column pupil_address_id.
// A second home, weekend or contact address a setting holds for a pupil (a grandparent's at weekends, a separated
// parent's), with when it was recorded and how often (issue 11, class 6).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (pupil:Person {key: "upn:{pupil_id}"})
//   (address:Address {key: "{address_key}"})
//   (pupil)-[:STAYS_AT {type, from, to, recorded, frequency, household, setting, agency}]->(address)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (pupil:Person {key: row.pupil_key})
  ON CREATE SET pupil.source = $feed, pupil.source_id = row._id, pupil.loaded_at = $loaded_at
SET pupil.sources = CASE WHEN $feed IN coalesce(pupil.sources, []) THEN pupil.sources ELSE coalesce(pupil.sources, []) + $feed END,
    pupil.pupil_id = row.pupil_id,
    pupil.surname = coalesce(pupil.surname, row.surname),
    pupil.forenames = coalesce(pupil.forenames, row.forenames),
    pupil.dob = coalesce(pupil.dob, row.date_of_birth)
MERGE (address:Address {key: row.address_key})
  ON CREATE SET address.source = $feed, address.source_id = row._id, address.loaded_at = $loaded_at
SET address.sources = CASE WHEN $feed IN coalesce(address.sources, []) THEN address.sources ELSE coalesce(address.sources, []) + $feed END,
    address.line1 = row.address_line1,
    address.line2 = coalesce(row.address_line2, address.line2),
    address.town = coalesce(row.town, address.town),
    address.postcode = row.postcode,
    address.raw_forms = CASE WHEN row.address_line1 + ', ' + row.postcode IN coalesce(address.raw_forms, []) THEN address.raw_forms
                         ELSE coalesce(address.raw_forms, []) + (row.address_line1 + ', ' + row.postcode) END
MERGE (pupil)-[r_stays_at:STAYS_AT {source: $feed, source_id: row._id}]->(address)
  ON CREATE SET r_stays_at.loaded_at = $loaded_at
SET r_stays_at.type = row.address_type, r_stays_at.from = coalesce(row.from_date, row.recorded_date),
    r_stays_at.to = row.to_date, r_stays_at.recorded = row.recorded_date, r_stays_at.frequency = row.frequency,
    r_stays_at.household = row.household, r_stays_at.setting = row.setting_id, r_stays_at.agency = 'education',
    r_stays_at.written = row.address_line1  // first line as this record wrote it (S14)
