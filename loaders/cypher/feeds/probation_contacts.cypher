// probation_contacts: Probation contacts
// Source: probation_contacts.csv (probation, nDelius); one row = one record, id column contact_id.
// nDelius contacts with a person on probation: supervision, home visits, programmes...; engagement, children contact and new partner reported.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (contact:Contact:Event {key: "probation:{contact_id}"})
//   (person:Person {key: "probation:{crn}"})
//   (practitioner:Person {key: "staff:{practitioner_id}"})   when practitioner_id
//   (person)-[:HAD_CONTACT]->(contact)
//   (contact)-[:RECORDED_BY]->(practitioner)   when practitioner_id
//   (partner:Person {key: "probation-partner:{contact_id}"})   when partner_surname
//   (partner)-[:ASSOCIATE_OF {relationship: 'partner', from, recorded, knows}]->(person)   when partner_surname
//     the partner as probation recorded her on the contact, and whether she knows of the conviction
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (contact:Contact {key: row.contact_key})
  ON CREATE SET contact.source = $feed, contact.source_id = row._id, contact.loaded_at = $loaded_at
SET contact:Event,
    contact.sources = CASE WHEN $feed IN coalesce(contact.sources, []) THEN contact.sources ELSE coalesce(contact.sources, []) + $feed END,
    contact.date = row.contact_date,
    contact.agency = 'probation',
    contact.system = 'nDelius',
    contact.kind = 'probation_contact',
    contact.summary = row.summary,
    contact.contact_type = row.contact_type,
    contact.engagement = row.engagement,
    contact.children_contact_reported = row.children_contact_reported,
    contact.new_partner_reported = row.new_partner_reported
MERGE (person:Person {key: row.person_key})
  ON CREATE SET person.source = $feed, person.source_id = row._id, person.loaded_at = $loaded_at
SET person.sources = CASE WHEN $feed IN coalesce(person.sources, []) THEN person.sources ELSE coalesce(person.sources, []) + $feed END,
    person.crn = row.crn
MERGE (person)-[r_had_contact:HAD_CONTACT {source: $feed, source_id: row._id}]->(contact)
  ON CREATE SET r_had_contact.loaded_at = $loaded_at
// practitioner: only when practitioner_id is not empty
FOREACH (_ IN CASE WHEN row.practitioner_key IS NULL THEN [] ELSE [1] END |
  MERGE (practitioner:Person {key: row.practitioner_key})
    ON CREATE SET practitioner.source = $feed, practitioner.source_id = row._id, practitioner.loaded_at = $loaded_at
  SET practitioner.sources = CASE WHEN $feed IN coalesce(practitioner.sources, []) THEN practitioner.sources ELSE coalesce(practitioner.sources, []) + $feed END,
      practitioner.practitioner_id = row.practitioner_id
  MERGE (contact)-[r_recorded_by:RECORDED_BY {source: $feed, source_id: row._id}]->(practitioner)
    ON CREATE SET r_recorded_by.loaded_at = $loaded_at
)
// partner: only when partner_surname is not empty (who the reported or discussed partner is, and whether she knows)
FOREACH (_ IN CASE WHEN row.partner_key IS NULL THEN [] ELSE [1] END |
  MERGE (partner:Person {key: row.partner_key})
    ON CREATE SET partner.source = $feed, partner.source_id = row._id, partner.loaded_at = $loaded_at
  SET partner.sources = CASE WHEN $feed IN coalesce(partner.sources, []) THEN partner.sources ELSE coalesce(partner.sources, []) + $feed END,
      partner.surname = row.partner_surname,
      partner.forenames = row.partner_forenames,
      partner.dob = row.partner_date_of_birth
  MERGE (partner)-[r_associate_of:ASSOCIATE_OF {source: $feed, source_id: row._id}]->(person)
    ON CREATE SET r_associate_of.loaded_at = $loaded_at
  SET r_associate_of.relationship = 'partner', r_associate_of.from = row.contact_date,
      r_associate_of.recorded = row.contact_date, r_associate_of.knows = row.partner_knows_of_conviction
)
