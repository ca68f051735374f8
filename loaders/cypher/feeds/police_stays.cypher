// police_stays: Police offender management - stays found or reported (visits, assessments)
// Source: police_stays.csv (police, ViSOR); one row = one record, id column stay_id.
// Addresses a nominal is found or reported staying at, how often and who is present, as officers record them at a
// visit or an assessment (issue 11, class 6: before, these were only in the visit notes).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (offender:Person {key: "police:{nominal_id}"})
//   (address:Address {key: "{address_key}"})
//   (offender)-[:STAYS_AT {from, to, recorded, recorded_in, found_by, frequency, present, children_present, agency}]->(address)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (address:Address {key: row.address_key})
  ON CREATE SET address.source = $feed, address.source_id = row._id, address.loaded_at = $loaded_at
SET address.sources = CASE WHEN $feed IN coalesce(address.sources, []) THEN address.sources ELSE coalesce(address.sources, []) + $feed END,
    address.line1 = row.address_line1,
    address.line2 = coalesce(row.address_line2, address.line2),
    address.town = coalesce(row.town, address.town),
    address.postcode = row.postcode,
    address.raw_forms = CASE WHEN row.address_line1 + ', ' + row.postcode IN coalesce(address.raw_forms, []) THEN address.raw_forms
                         ELSE coalesce(address.raw_forms, []) + (row.address_line1 + ', ' + row.postcode) END
MERGE (offender)-[r_stays_at:STAYS_AT {source: $feed, source_id: row._id}]->(address)
  ON CREATE SET r_stays_at.loaded_at = $loaded_at
SET r_stays_at.from = coalesce(row.from_date, row.recorded_date), r_stays_at.to = row.to_date,
    r_stays_at.recorded = row.recorded_date, r_stays_at.recorded_in = row.recorded_in,
    r_stays_at.found_by = row.found_by, r_stays_at.frequency = row.frequency, r_stays_at.present = row.present,
    r_stays_at.children_present = row.children_present, r_stays_at.agency = 'police',
    r_stays_at.written = row.address_line1  // first line as this record wrote it (S14)
