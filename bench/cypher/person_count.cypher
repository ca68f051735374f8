MATCH (p:Person) RETURN count(p) AS n
