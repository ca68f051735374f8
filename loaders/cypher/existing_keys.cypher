// Which of $keys already exist as nodes of $label: lets a partial load reference records loaded earlier.
// $label comes from feeds.yaml's fixed list of labels, never from input.
UNWIND $keys AS k
MATCH (n:$($label) {key: k})
RETURN k AS key
