"""A small table of English given names and the short forms people give or practitioners write.

Search widens a typed forename to its family ("Bill" finds William, Will, Billy), because the same
person appears as "Jonathan" to the GP and "Jon" to the police (review 3.17, signal S14).
"""

from __future__ import annotations

from functools import cache

FAMILIES: tuple[tuple[str, ...], ...] = (
    ("william", "will", "bill", "billy", "willie", "liam"),
    ("robert", "rob", "bob", "bobby", "robbie", "bert"),
    ("richard", "rich", "rick", "ricky", "dick", "richie"),
    ("james", "jim", "jimmy", "jamie", "jimbo"),
    ("john", "jon", "johnny", "jack", "jonny"),
    ("jonathan", "jon", "jonny", "johnny", "nathan"),
    ("michael", "mike", "mick", "mickey", "mikey"),
    ("thomas", "tom", "tommy"),
    ("anthony", "tony", "ant"),
    ("christopher", "chris", "kit", "topher"),
    ("daniel", "dan", "danny"),
    ("david", "dave", "davey", "davie"),
    ("edward", "ed", "eddie", "ted", "teddy", "ned"),
    ("joseph", "joe", "joey"),
    ("matthew", "matt", "matty"),
    ("nicholas", "nick", "nicky"),
    ("peter", "pete"),
    ("samuel", "sam", "sammy"),
    ("stephen", "steve", "stevie"),
    ("steven", "steve", "stevie"),
    ("alexander", "alex", "alec", "sandy", "xander"),
    ("andrew", "andy", "drew"),
    ("benjamin", "ben", "benny", "benji"),
    ("charles", "charlie", "chas", "chuck"),
    ("frederick", "fred", "freddie", "freddy"),
    ("gregory", "greg"),
    ("harry", "harold", "hal"),
    ("henry", "harry", "hank"),
    ("kenneth", "ken", "kenny"),
    ("lawrence", "larry", "laurie"),
    ("leonard", "len", "lenny", "leo"),
    ("patrick", "pat", "paddy"),
    ("raymond", "ray"),
    ("ronald", "ron", "ronnie"),
    ("timothy", "tim", "timmy"),
    ("terence", "terry"),
    ("philip", "phil"),
    ("gary", "gaz"),
    ("gareth", "gaz"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby"),
    ("margaret", "maggie", "meg", "peggy", "marge"),
    ("catherine", "cath", "cathy", "kate", "katie", "kat"),
    ("katherine", "kath", "kathy", "kate", "katie", "kat"),
    ("jennifer", "jen", "jenny"),
    ("rebecca", "becky", "becca", "bex"),
    ("victoria", "vicky", "tori"),
    ("samantha", "sam", "sammy"),
    ("alexandra", "alex", "lexi", "sandra"),
    ("deborah", "debbie", "deb"),
    ("susan", "sue", "suzy"),
    ("patricia", "pat", "patsy", "trish"),
    ("jessica", "jess", "jessie"),
    ("abigail", "abby", "abi", "gail"),
    ("charlotte", "charlie", "lottie"),
    ("emily", "em", "emmy"),
    ("emma", "em"),
    ("amelia", "millie", "amy"),
    ("olivia", "liv", "livvy"),
    ("sophia", "sophie"),
    ("isabella", "bella", "izzy", "isla"),
    ("isabel", "izzy", "bel"),
    ("christine", "chris", "chrissy", "tina"),
    ("jacqueline", "jackie", "jacqui"),
    ("josephine", "jo", "josie"),
    ("joanne", "jo"),
    ("natalie", "nat"),
    ("nicola", "nicky", "nic"),
    ("stephanie", "steph"),
    ("helen", "nell"),
    ("ellen", "ellie", "nell"),
    ("eleanor", "ellie", "nora", "nell"),
    ("lucy", "lu"),
    ("mary", "molly", "polly"),
    ("sarah", "sally", "sadie"),
    ("zoe", "zo"),
)


@cache
def _index() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for family in FAMILIES:
        for name in family:
            out.setdefault(name, set()).update(family)
    return {k: frozenset(v) for k, v in out.items()}


def variants(name: str) -> set[str]:
    """The name and every name of its families, lower case ('bill' -> william, will, billy, ...)."""
    low = name.lower()
    return {low} | set(_index().get(low, ()))
