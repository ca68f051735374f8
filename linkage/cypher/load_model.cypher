// The trained linkage model, kept with the data so incremental runs score new records the same way.
MATCH (m:LinkageModel {key: 'person'})
RETURN m.json AS json, m.trained_at AS trained_at
