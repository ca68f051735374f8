// Record a triage decision: the state node keeps the latest values, and every decision is kept in order as a
// TriageUpdate (who, when, what), so the history of a flag can be read back.
MERGE (s:FlagState {flag_key: $flag_key})
ON CREATE SET s.created_at = $at, s.query = $query, s.signal = $signal
SET s.status = $status, s.assignee = $assignee, s.note = $note, s.reason = $reason,
    s.decided_on = $decided_on, s.updated_at = $at, s.updated_by = $by
CREATE (s)-[:HAS_UPDATE]->(:TriageUpdate {at: $at, by: $by, status: $status, assignee: $assignee, note: $note,
                                          reason: $reason, decided_on: $decided_on})
