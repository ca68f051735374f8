"""Who may do what: local accounts (argon2 password hashes, API tokens), the three roles and what each may do,
and sign-in with its rate limit. The explorer and the CLI ask this room before they show or change anything."""
