MATCH (p:Person {key: $key}) RETURN p.forenames AS f, p.surname AS s
