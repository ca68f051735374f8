// travel: Border Force travel records
// Source: travel.csv (border_force, Border Force); one row = one record, id column travel_id.
// Border Force movements: the traveller by passport, departure and return dates, destination, passport issue date.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (traveller:Person {key: "passport:{passport_number}"})
//   (travel:Travel:Event {key: "{travel_id}"})
//   (traveller)-[:TRAVELLED]->(travel)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (traveller:Person {key: row.traveller_key})
  ON CREATE SET traveller.source = $feed, traveller.source_id = row._id, traveller.loaded_at = $loaded_at
SET traveller.sources = CASE WHEN $feed IN coalesce(traveller.sources, []) THEN traveller.sources ELSE coalesce(traveller.sources, []) + $feed END,
    traveller.passport_number = row.passport_number,
    traveller.surname = row.surname,
    traveller.forenames = row.forenames,
    traveller.dob = row.date_of_birth
MERGE (travel:Travel {key: row.travel_key})
  ON CREATE SET travel.source = $feed, travel.source_id = row._id, travel.loaded_at = $loaded_at
SET travel:Event,
    travel.sources = CASE WHEN $feed IN coalesce(travel.sources, []) THEN travel.sources ELSE coalesce(travel.sources, []) + $feed END,
    travel.date = row.departure_date,
    travel.agency = 'border_force',
    travel.system = 'Border Force',
    travel.kind = 'travel',
    travel.return_date = row.return_date,
    travel.destination = row.destination,
    travel.passport_issued_date = row.passport_issued_date
MERGE (traveller)-[r_travelled:TRAVELLED {source: $feed, source_id: row._id}]->(travel)
  ON CREATE SET r_travelled.loaded_at = $loaded_at
