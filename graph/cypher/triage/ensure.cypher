// One triage state per flag, keyed by the flag's stable key (queries.runner.Flag.key): it lives apart from the
// loaded records, so re-loading feeds or re-running queries never touches it.
CREATE CONSTRAINT flag_state_key IF NOT EXISTS FOR (s:FlagState) REQUIRE s.flag_key IS UNIQUE
