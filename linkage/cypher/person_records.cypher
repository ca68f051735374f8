// Every person record with what exact linkage compares: name, date of birth, NHS number, addresses, and for
// a police alias the nominal it is another name of.
MATCH (p:Person)
WHERE NOT p:Practitioner
RETURN p.key AS key, p.surname AS surname, p.forenames AS forenames, p.dob AS dob, p.nhs_number AS nhs,
       [(p)-[:LIVES_AT|REGISTERED_AT]->(a:Address) | a.key] AS addresses,
       head([(p)-[:ALIAS_OF]->(o:Person) | o.key]) AS alias_of
