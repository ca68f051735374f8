"""Reading agencies' free-text notes (issue 11, class 7).

Much of what the review turns on was written in visit and contact notes, never in a structured field: "Mum
says dad was wrongly accused", "helps out with a local youth football team", "babysits for his cousin's
kids". `notes.matcher` reads a note's sentences with spaCy's rule-based Matcher on a blank English pipeline
(no model download) and proposes facts, each with its kind, whom it is about, the sentence it came from and
the record it is in. `notes.read` runs it over the notes already in the graph and writes the proposals as
`NoteFact` nodes marked `from_note`, so saved queries can raise flags from them at a lower confidence and
the explorer can show the sentence for an analyst to confirm.
"""
