// health_maternity_bookings: Health - maternity bookings
// Source: health_maternity_bookings.csv (health, maternity system); one row = one record, id column booking_id.
// Maternity bookings: the mother, the booking hospital, the expected delivery date, the partner she named and what she said of her circumstances.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (booking:MaternityBooking:Event {key: "{booking_id}"})
//   (mother:Person {key: "nhs:{mother_nhs_number}"})
//   (partner:Person {key: "booking-partner:{booking_id}"})   when partner_surname
//   (hospital:Agency {key: "{hospital_id}"})
//   (mother)-[:BOOKED]->(booking)
//   (booking)-[:AT]->(hospital)
//   (partner)-[:PARTNER_OF {recorded}]->(mother)   when partner_surname
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (booking:MaternityBooking {key: row.booking_key})
  ON CREATE SET booking.source = $feed, booking.source_id = row._id, booking.loaded_at = $loaded_at
SET booking:Event,
    booking.sources = CASE WHEN $feed IN coalesce(booking.sources, []) THEN booking.sources ELSE coalesce(booking.sources, []) + $feed END,
    booking.date = row.booking_date,
    booking.agency = 'health',
    booking.system = 'maternity system',
    booking.kind = 'maternity_booking',
    booking.summary = row.social_history,
    booking.expected_delivery_date = row.expected_delivery_date
MERGE (mother:Person {key: row.mother_key})
  ON CREATE SET mother.source = $feed, mother.source_id = row._id, mother.loaded_at = $loaded_at
SET mother.sources = CASE WHEN $feed IN coalesce(mother.sources, []) THEN mother.sources ELSE coalesce(mother.sources, []) + $feed END,
    mother.nhs_number = row.mother_nhs_number
MERGE (hospital:Agency {key: row.hospital_key})
  ON CREATE SET hospital.source = $feed, hospital.source_id = row._id, hospital.loaded_at = $loaded_at
SET hospital.sources = CASE WHEN $feed IN coalesce(hospital.sources, []) THEN hospital.sources ELSE coalesce(hospital.sources, []) + $feed END
MERGE (mother)-[r_booked:BOOKED {source: $feed, source_id: row._id}]->(booking)
  ON CREATE SET r_booked.loaded_at = $loaded_at
MERGE (booking)-[r_at:AT {source: $feed, source_id: row._id}]->(hospital)
  ON CREATE SET r_at.loaded_at = $loaded_at
// partner: only when partner_surname is not empty
FOREACH (_ IN CASE WHEN row.partner_key IS NULL THEN [] ELSE [1] END |
  MERGE (partner:Person {key: row.partner_key})
    ON CREATE SET partner.source = $feed, partner.source_id = row._id, partner.loaded_at = $loaded_at
  SET partner.sources = CASE WHEN $feed IN coalesce(partner.sources, []) THEN partner.sources ELSE coalesce(partner.sources, []) + $feed END,
      partner.surname = row.partner_surname,
      partner.forenames = row.partner_forenames,
      partner.dob = row.partner_date_of_birth
  MERGE (partner)-[r_partner_of:PARTNER_OF {source: $feed, source_id: row._id}]->(mother)
    ON CREATE SET r_partner_of.loaded_at = $loaded_at
  SET r_partner_of.recorded = row.booking_date
)
