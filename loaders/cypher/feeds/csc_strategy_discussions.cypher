// csc_strategy_discussions: Children's social care - strategy discussions and s47 enquiries (SSD ssd_s47_enquiry)
// Source: csc_strategy_discussions.csv (childrens_social_care, LiquidLogic); one row = one record, id column s47e_s47_enquiry_id.
// Strategy discussions and Section 47 enquiries (SSD ssd_s47_enquiry), linked to the child and the referral.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (discussion:StrategyDiscussion:Event {key: "{s47e_s47_enquiry_id}"})
//   (child:Person {key: "csc:{s47e_person_id}"})
//   (referral:Referral {key: "{s47e_referral_id}"})   when s47e_referral_id
//   (discussion)-[:ABOUT]->(child)
//   (discussion)-[:FOLLOWS]->(referral)   when s47e_referral_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (discussion:StrategyDiscussion {key: row.discussion_key})
  ON CREATE SET discussion.source = $feed, discussion.source_id = row._id, discussion.loaded_at = $loaded_at
SET discussion:Event,
    discussion.sources = CASE WHEN $feed IN coalesce(discussion.sources, []) THEN discussion.sources ELSE coalesce(discussion.sources, []) + $feed END,
    discussion.date = row.s47e_strategy_discussion_date,
    discussion.agency = 'childrens_social_care',
    discussion.system = 'LiquidLogic',
    discussion.kind = 'strategy_discussion',
    discussion.s47e_s47_start_date = row.s47e_s47_start_date,
    discussion.s47e_s47_outcome = row.s47e_s47_outcome
MERGE (child:Person {key: row.child_key})
  ON CREATE SET child.source = $feed, child.source_id = row._id, child.loaded_at = $loaded_at
SET child.sources = CASE WHEN $feed IN coalesce(child.sources, []) THEN child.sources ELSE coalesce(child.sources, []) + $feed END,
    child.csc_person_id = row.s47e_person_id
MERGE (discussion)-[r_about:ABOUT {source: $feed, source_id: row._id}]->(child)
  ON CREATE SET r_about.loaded_at = $loaded_at
// referral: only when s47e_referral_id is not empty
FOREACH (_ IN CASE WHEN row.referral_key IS NULL THEN [] ELSE [1] END |
  MERGE (referral:Referral {key: row.referral_key})
    ON CREATE SET referral.source = $feed, referral.source_id = row._id, referral.loaded_at = $loaded_at
  SET referral.sources = CASE WHEN $feed IN coalesce(referral.sources, []) THEN referral.sources ELSE coalesce(referral.sources, []) + $feed END
  MERGE (discussion)-[r_follows:FOLLOWS {source: $feed, source_id: row._id}]->(referral)
    ON CREATE SET r_follows.loaded_at = $loaded_at
)
