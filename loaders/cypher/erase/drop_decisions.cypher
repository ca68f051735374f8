// Reviewers' decisions about an erased person record go with it (they name it by key), with their history.
MATCH (d:LinkDecision)
WHERE d.left IN $people OR d.right IN $people
OPTIONAL MATCH (d)-[:HAS_UPDATE]->(u:LinkDecisionUpdate)
DETACH DELETE d, u
