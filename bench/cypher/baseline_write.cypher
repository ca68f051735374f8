// Benchmark baseline: the raw cost of writing rows on this machine (no validation, no MERGE, no keys).
UNWIND $rows AS row
CREATE (n:BenchBaseline)
SET n = row
