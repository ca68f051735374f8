// police_associates: Police offender management - associates (partners, relatives, children)
// Source: police_associates.csv (police, ViSOR); one row = one record, id column association_id.
// People police record around a nominal (partners, ex-partners, children, relatives, cousins' children, friends), each a person record of its own, with their address.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (offender:Person {key: "police:{nominal_id}"})
//   (associate:Person {key: "police-assoc:{association_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (associate)-[:ASSOCIATE_OF {relationship, from, to, recorded}]->(offender)
//   (associate)-[:LIVES_AT {recorded}]->(address)   when address_line1, postcode
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (associate:Person {key: row.associate_key})
  ON CREATE SET associate.source = $feed, associate.source_id = row._id, associate.loaded_at = $loaded_at
SET associate.sources = CASE WHEN $feed IN coalesce(associate.sources, []) THEN associate.sources ELSE coalesce(associate.sources, []) + $feed END,
    associate.surname = row.surname,
    associate.forenames = row.forenames,
    associate.dob = row.date_of_birth,
    associate.sex = row.sex
MERGE (associate)-[r_associate_of:ASSOCIATE_OF {source: $feed, source_id: row._id}]->(offender)
  ON CREATE SET r_associate_of.loaded_at = $loaded_at
SET r_associate_of.relationship = row.relationship, r_associate_of.from = row.from_date, r_associate_of.to = row.to_date, r_associate_of.recorded = row.recorded_date
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
  MERGE (associate)-[r_lives_at:LIVES_AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_lives_at.loaded_at = $loaded_at
  SET r_lives_at.recorded = row.recorded_date
)
