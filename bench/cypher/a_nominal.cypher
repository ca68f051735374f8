MATCH (p:Person) WHERE p.nominal_id IS NOT NULL RETURN p.key AS k LIMIT 1
