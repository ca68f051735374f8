// Empty the throwaway test database between tests (constraints and indexes stay).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
