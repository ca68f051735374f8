// disclosures: Disclosures (who was told what, when, by whom)
// Source: disclosures.csv (police, disclosure log); one row = one record, id column disclosure_id.
// Disclosures of an offender's convictions or conditions: who disclosed, to which agency or person (partner, parent...), what and when.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (disclosure:Disclosure:Event {key: "{disclosure_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (discloser:Agency {key: "{disclosed_by_agency_id}"})
//   (recipient_agency:Agency {key: "{recipient_agency_id}"})   when recipient_agency_id
//   (recipient:Person {key: "disclosure-recipient:{disclosure_id}"})   when recipient_surname
//   (disclosure)-[:ABOUT]->(offender)
//   (disclosure)-[:DISCLOSED_BY]->(discloser)
//   (disclosure)-[:DISCLOSED_TO {date, content}]->(recipient_agency)   when recipient_agency_id
//   (disclosure)-[:DISCLOSED_TO {date, content}]->(recipient)   when recipient_surname
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (disclosure:Disclosure {key: row.disclosure_key})
  ON CREATE SET disclosure.source = $feed, disclosure.source_id = row._id, disclosure.loaded_at = $loaded_at
SET disclosure:Event,
    disclosure.sources = CASE WHEN $feed IN coalesce(disclosure.sources, []) THEN disclosure.sources ELSE coalesce(disclosure.sources, []) + $feed END,
    disclosure.date = row.disclosure_date,
    disclosure.agency = 'police',
    disclosure.system = 'disclosure log',
    disclosure.kind = 'disclosure',
    disclosure.recipient_type = row.recipient_type,
    disclosure.content = row.content
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (discloser:Agency {key: row.discloser_key})
  ON CREATE SET discloser.source = $feed, discloser.source_id = row._id, discloser.loaded_at = $loaded_at
SET discloser.sources = CASE WHEN $feed IN coalesce(discloser.sources, []) THEN discloser.sources ELSE coalesce(discloser.sources, []) + $feed END
MERGE (disclosure)-[r_about:ABOUT {source: $feed, source_id: row._id}]->(offender)
  ON CREATE SET r_about.loaded_at = $loaded_at
MERGE (disclosure)-[r_disclosed_by:DISCLOSED_BY {source: $feed, source_id: row._id}]->(discloser)
  ON CREATE SET r_disclosed_by.loaded_at = $loaded_at
// recipient_agency: only when recipient_agency_id is not empty
FOREACH (_ IN CASE WHEN row.recipient_agency_key IS NULL THEN [] ELSE [1] END |
  MERGE (recipient_agency:Agency {key: row.recipient_agency_key})
    ON CREATE SET recipient_agency.source = $feed, recipient_agency.source_id = row._id, recipient_agency.loaded_at = $loaded_at
  SET recipient_agency.sources = CASE WHEN $feed IN coalesce(recipient_agency.sources, []) THEN recipient_agency.sources ELSE coalesce(recipient_agency.sources, []) + $feed END
  MERGE (disclosure)-[r_disclosed_to_recipient_agency:DISCLOSED_TO {source: $feed, source_id: row._id}]->(recipient_agency)
    ON CREATE SET r_disclosed_to_recipient_agency.loaded_at = $loaded_at
  SET r_disclosed_to_recipient_agency.date = row.disclosure_date, r_disclosed_to_recipient_agency.content = row.content
)
// recipient: only when recipient_surname is not empty
FOREACH (_ IN CASE WHEN row.recipient_key IS NULL THEN [] ELSE [1] END |
  MERGE (recipient:Person {key: row.recipient_key})
    ON CREATE SET recipient.source = $feed, recipient.source_id = row._id, recipient.loaded_at = $loaded_at
  SET recipient.sources = CASE WHEN $feed IN coalesce(recipient.sources, []) THEN recipient.sources ELSE coalesce(recipient.sources, []) + $feed END,
      recipient.surname = row.recipient_surname,
      recipient.forenames = row.recipient_forenames,
      recipient.dob = row.recipient_date_of_birth
  MERGE (disclosure)-[r_disclosed_to_recipient:DISCLOSED_TO {source: $feed, source_id: row._id}]->(recipient)
    ON CREATE SET r_disclosed_to_recipient.loaded_at = $loaded_at
  SET r_disclosed_to_recipient.date = row.disclosure_date, r_disclosed_to_recipient.content = row.content
)
