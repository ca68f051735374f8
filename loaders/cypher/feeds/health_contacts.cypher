// health_contacts: Health - health visitor, midwife, hospital and paediatric contacts
// Source: health_contacts.csv (health, community health record); one row = one record, id column contact_id.
// Health contacts with a patient: health visitor, midwife, GP, hospital, NICU and paediatric appointments, with the adults seen.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (contact:Contact:Event {key: "health:{contact_id}"})
//   (patient:Person {key: "nhs:{nhs_number}"})
//   (agency:Agency {key: "{agency_id}"})
//   (practitioner:Person {key: "staff:{practitioner_id}"})   when practitioner_id
//   (patient)-[:HAD_CONTACT]->(contact)
//   (contact)-[:WITH_AGENCY]->(agency)
//   (contact)-[:RECORDED_BY]->(practitioner)   when practitioner_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (contact:Contact {key: row.contact_key})
  ON CREATE SET contact.source = $feed, contact.source_id = row._id, contact.loaded_at = $loaded_at
SET contact:Event,
    contact.sources = CASE WHEN $feed IN coalesce(contact.sources, []) THEN contact.sources ELSE coalesce(contact.sources, []) + $feed END,
    contact.date = row.contact_date,
    contact.agency = 'health',
    contact.system = 'community health record',
    contact.kind = 'health_contact',
    contact.summary = row.summary,
    contact.contact_type = row.contact_type,
    contact.adults_present = row.adults_present
MERGE (patient:Person {key: row.patient_key})
  ON CREATE SET patient.source = $feed, patient.source_id = row._id, patient.loaded_at = $loaded_at
SET patient.sources = CASE WHEN $feed IN coalesce(patient.sources, []) THEN patient.sources ELSE coalesce(patient.sources, []) + $feed END,
    patient.nhs_number = row.nhs_number
MERGE (agency:Agency {key: row.agency_key})
  ON CREATE SET agency.source = $feed, agency.source_id = row._id, agency.loaded_at = $loaded_at
SET agency.sources = CASE WHEN $feed IN coalesce(agency.sources, []) THEN agency.sources ELSE coalesce(agency.sources, []) + $feed END
MERGE (patient)-[r_had_contact:HAD_CONTACT {source: $feed, source_id: row._id}]->(contact)
  ON CREATE SET r_had_contact.loaded_at = $loaded_at
MERGE (contact)-[r_with_agency:WITH_AGENCY {source: $feed, source_id: row._id}]->(agency)
  ON CREATE SET r_with_agency.loaded_at = $loaded_at
// practitioner: only when practitioner_id is not empty
FOREACH (_ IN CASE WHEN row.practitioner_key IS NULL THEN [] ELSE [1] END |
  MERGE (practitioner:Person {key: row.practitioner_key})
    ON CREATE SET practitioner.source = $feed, practitioner.source_id = row._id, practitioner.loaded_at = $loaded_at
  SET practitioner.sources = CASE WHEN $feed IN coalesce(practitioner.sources, []) THEN practitioner.sources ELSE coalesce(practitioner.sources, []) + $feed END,
      practitioner.practitioner_id = row.practitioner_id
  MERGE (contact)-[r_recorded_by:RECORDED_BY {source: $feed, source_id: row._id}]->(practitioner)
    ON CREATE SET r_recorded_by.loaded_at = $loaded_at
)
