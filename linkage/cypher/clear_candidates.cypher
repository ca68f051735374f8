// Remove scored candidate links (rebuilt by each full resolve; reviewer decisions are separate nodes).
MATCH ()-[m:MAY_BE_SAME]->()
CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS
