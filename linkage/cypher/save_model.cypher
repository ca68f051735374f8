// Keep the trained linkage model with the graph it was trained on.
MERGE (m:LinkageModel {key: 'person'})
SET m.json = $json, m.trained_at = datetime()
