// Which of these person record keys still exist after an erasure.
MATCH (p:Person) WHERE p.key IN $people
RETURN collect(p.key) AS people
