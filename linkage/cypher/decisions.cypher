// Reviewers' decisions on candidate pairs: they outlive every resolve run.
MATCH (d:LinkDecision)
RETURN d.left AS left, d.right AS right, d.decision AS decision, d.who AS who, d.decided_at AS decided_at
