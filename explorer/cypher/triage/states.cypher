// Current triage state of the given flags (absent = new).
MATCH (s:FlagState) WHERE s.flag_key IN $keys
RETURN s.flag_key AS flag_key, s.status AS status, s.assignee AS assignee, s.note AS note, s.reason AS reason,
       s.decided_on AS decided_on, s.updated_at AS updated_at, s.updated_by AS updated_by
