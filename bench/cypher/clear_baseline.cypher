// Remove the baseline's scratch nodes.
MATCH (n:BenchBaseline)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
