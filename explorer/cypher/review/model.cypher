// The trained linkage model that scored the current pairs: comparison level labels, m and u, and the prior.
MATCH (m:LinkageModel {key: 'person'})
RETURN m.json AS json
