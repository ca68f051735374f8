// police_risk_assessments: Police offender management - risk assessments (ARMS)
// Source: police_risk_assessments.csv (police, ViSOR); one row = one record, id column assessment_id.
// Risk assessments of a nominal (ARMS, RM2000, OASys): level, next due date, assessor.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (assessment:RiskAssessment:Event {key: "{assessment_id}"})
//   (offender:Person {key: "police:{nominal_id}"})
//   (assessor:Person {key: "staff:{assessor_id}"})   when assessor_id
//   (offender)-[:ASSESSED_IN]->(assessment)
//   (assessment)-[:RECORDED_BY]->(assessor)   when assessor_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (assessment:RiskAssessment {key: row.assessment_key})
  ON CREATE SET assessment.source = $feed, assessment.source_id = row._id, assessment.loaded_at = $loaded_at
SET assessment:Event,
    assessment.sources = CASE WHEN $feed IN coalesce(assessment.sources, []) THEN assessment.sources ELSE coalesce(assessment.sources, []) + $feed END,
    assessment.date = row.assessment_date,
    assessment.agency = 'police',
    assessment.system = 'ViSOR',
    assessment.kind = 'risk_assessment',
    assessment.summary = row.summary,
    assessment.engagement = row.engagement,
    assessment.tool = row.tool,
    assessment.risk_level = row.risk_level,
    assessment.next_due_date = row.next_due_date
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (offender)-[r_assessed_in:ASSESSED_IN {source: $feed, source_id: row._id}]->(assessment)
  ON CREATE SET r_assessed_in.loaded_at = $loaded_at
// assessor: only when assessor_id is not empty
FOREACH (_ IN CASE WHEN row.assessor_key IS NULL THEN [] ELSE [1] END |
  MERGE (assessor:Person {key: row.assessor_key})
    ON CREATE SET assessor.source = $feed, assessor.source_id = row._id, assessor.loaded_at = $loaded_at
  SET assessor.sources = CASE WHEN $feed IN coalesce(assessor.sources, []) THEN assessor.sources ELSE coalesce(assessor.sources, []) + $feed END,
      assessor.practitioner_id = row.assessor_id
  MERGE (assessment)-[r_recorded_by:RECORDED_BY {source: $feed, source_id: row._id}]->(assessor)
    ON CREATE SET r_recorded_by.loaded_at = $loaded_at
)
