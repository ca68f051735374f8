// Every decision on one flag, newest first.
MATCH (:FlagState {flag_key: $flag_key})-[:HAS_UPDATE]->(u:TriageUpdate)
RETURN u.at AS at, u.by AS by, u.status AS status, u.assignee AS assignee, u.note AS note, u.reason AS reason,
       u.decided_on AS decided_on
ORDER BY u.at DESC
