// police_addresses: Police offender management - registered addresses
// Source: police_addresses.csv (police, ViSOR); one row = one record, id column registration_id.
// Addresses a nominal has registered with police (main, additional, staying 7+ days, frequents), with the dates used and the date notified.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (offender:Person {key: "police:{nominal_id}"})
//   (address:Address {key: "{address_key}"})
//   (offender)-[:REGISTERED_AT {type, from, to, notified}]->(address)
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
MERGE (offender)-[r_registered_at:REGISTERED_AT {source: $feed, source_id: row._id}]->(address)
  ON CREATE SET r_registered_at.loaded_at = $loaded_at
SET r_registered_at.type = row.address_type, r_registered_at.from = row.from_date, r_registered_at.to = row.to_date, r_registered_at.notified = row.notified_date,
    r_registered_at.written = row.address_line1  // first line as this record wrote it (S14)
