// csc_assessments: Children's social care - assessments (SSD ssd_cin_assessments)
// Source: csc_assessments.csv (childrens_social_care, LiquidLogic); one row = one record, id column cina_assessment_id.
// Children's social care assessments (SSD ssd_cin_assessments), linked to the child and the referral they follow.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (assessment:Assessment:Event {key: "{cina_assessment_id}"})
//   (child:Person {key: "csc:{cina_person_id}"})
//   (referral:Referral {key: "{cina_referral_id}"})   when cina_referral_id
//   (assessment)-[:ABOUT]->(child)
//   (assessment)-[:FOLLOWS]->(referral)   when cina_referral_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (assessment:Assessment {key: row.assessment_key})
  ON CREATE SET assessment.source = $feed, assessment.source_id = row._id, assessment.loaded_at = $loaded_at
SET assessment:Event,
    assessment.sources = CASE WHEN $feed IN coalesce(assessment.sources, []) THEN assessment.sources ELSE coalesce(assessment.sources, []) + $feed END,
    assessment.date = row.cina_assessment_start_date,
    assessment.agency = 'childrens_social_care',
    assessment.system = 'LiquidLogic',
    assessment.kind = 'assessment',
    assessment.summary = row.cina_summary,
    assessment.cina_assessment_auth_date = row.cina_assessment_auth_date,
    assessment.cina_assessment_outcome_nfa = row.cina_assessment_outcome_nfa
MERGE (child:Person {key: row.child_key})
  ON CREATE SET child.source = $feed, child.source_id = row._id, child.loaded_at = $loaded_at
SET child.sources = CASE WHEN $feed IN coalesce(child.sources, []) THEN child.sources ELSE coalesce(child.sources, []) + $feed END,
    child.csc_person_id = row.cina_person_id
MERGE (assessment)-[r_about:ABOUT {source: $feed, source_id: row._id}]->(child)
  ON CREATE SET r_about.loaded_at = $loaded_at
// referral: only when cina_referral_id is not empty
FOREACH (_ IN CASE WHEN row.referral_key IS NULL THEN [] ELSE [1] END |
  MERGE (referral:Referral {key: row.referral_key})
    ON CREATE SET referral.source = $feed, referral.source_id = row._id, referral.loaded_at = $loaded_at
  SET referral.sources = CASE WHEN $feed IN coalesce(referral.sources, []) THEN referral.sources ELSE coalesce(referral.sources, []) + $feed END
  MERGE (assessment)-[r_follows:FOLLOWS {source: $feed, source_id: row._id}]->(referral)
    ON CREATE SET r_follows.loaded_at = $loaded_at
)
