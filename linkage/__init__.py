"""Record linkage: the same person (Splink, `pipeline`) and the same dwelling (`addresses`) across agencies.

Kept import-light: loading needs only the address aliases, not Splink.
"""
