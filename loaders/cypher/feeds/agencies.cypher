// agencies: Agencies and settings
// Source: agencies.csv (multi-agency, partnership directory); one row = one record, id column agency_id.
// The partnership directory: every agency, team and setting (police teams, CSC, GP practices, hospitals, nurseries, schools, employers, Border Force) with its address.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (agency:Agency {key: "{agency_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (agency)-[:LOCATED_AT]->(address)   when address_line1, postcode
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (agency:Agency {key: row.agency_key})
  ON CREATE SET agency.source = $feed, agency.source_id = row._id, agency.loaded_at = $loaded_at
SET agency.sources = CASE WHEN $feed IN coalesce(agency.sources, []) THEN agency.sources ELSE coalesce(agency.sources, []) + $feed END,
    agency.name = row.name,
    agency.agency_type = row.agency_type,
    agency.area = row.area
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
  MERGE (agency)-[r_located_at:LOCATED_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_located_at.loaded_at = $loaded_at
)
