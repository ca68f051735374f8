// police_visits: Police offender management - home visits and interviews
// Source: police_visits.csv (police, ViSOR); one row = one record, id column visit_id.
// Police home visits, interviews and station attendances of a nominal: where, by whom, engagement, whether children were present.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (visit:Visit:Event {key: "{visit_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (officer:Person {key: "staff:{officer_id}"})   when officer_id
//   (offender)-[:VISITED_IN]->(visit)
//   (visit)-[:AT]->(address)   when address_line1, postcode
//   (visit)-[:RECORDED_BY]->(officer)   when officer_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (visit:Visit {key: row.visit_key})
  ON CREATE SET visit.source = $feed, visit.source_id = row._id, visit.loaded_at = $loaded_at
SET visit:Event,
    visit.sources = CASE WHEN $feed IN coalesce(visit.sources, []) THEN visit.sources ELSE coalesce(visit.sources, []) + $feed END,
    visit.date = row.visit_date,
    visit.agency = 'police',
    visit.system = 'ViSOR',
    visit.kind = 'visit',
    visit.summary = row.summary,
    visit.visit_type = row.visit_type,
    visit.engagement = row.engagement,
    visit.children_present = row.children_present
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (offender)-[r_visited_in:VISITED_IN {source: $feed, source_id: row._id}]->(visit)
  ON CREATE SET r_visited_in.loaded_at = $loaded_at
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
  MERGE (visit)-[r_at:AT {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_at.loaded_at = $loaded_at
)
// officer: only when officer_id is not empty
FOREACH (_ IN CASE WHEN row.officer_key IS NULL THEN [] ELSE [1] END |
  MERGE (officer:Person {key: row.officer_key})
    ON CREATE SET officer.source = $feed, officer.source_id = row._id, officer.loaded_at = $loaded_at
  SET officer.sources = CASE WHEN $feed IN coalesce(officer.sources, []) THEN officer.sources ELSE coalesce(officer.sources, []) + $feed END,
      officer.practitioner_id = row.officer_id
  MERGE (visit)-[r_recorded_by:RECORDED_BY {source: $feed, source_id: row._id}]->(officer)
    ON CREATE SET r_recorded_by.loaded_at = $loaded_at
)
