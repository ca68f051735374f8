"""Propose structured facts from one note, sentence by sentence, with spaCy's rule-based Matcher.

A blank English pipeline (`spacy.blank("en")`: tokenizer and sentencizer, no statistical model, nothing to
download) is enough because agencies' notes say these things in a small number of ways, and because an
analyst confirms every proposal: a rule the analyst can read beats a model no one can explain. Each rule is a
token pattern, not a fixed phrase, and a match is read in its sentence:

- a negation just before or inside the match ("has **not** been taken off the register", "the charges were
  **not** dropped", "does **not** babysit") cancels it, except for the rules whose claim is itself a denial
  ("was never convicted", "found not guilty");
- an account of the offence counts only in a note that speaks of an offence (a conviction, charges, images,
  the register, "trouble"): "bought a second-hand laptop for an online course" is not an account of anything;
- whose account it is follows the sentence: "Mum says ..." on a child's record is the mother's account, "pt
  says ..." or a bare "Says ..." is the account of the person whose record it is (class 9 of issue 11).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

KINDS: dict[str, str] = {
    "false_account": "a minimising or false account of the offence (S10)",
    "child_role": "a paid, unpaid or voluntary role that brings contact with children (S9)",
    "unsupervised_contact": "looking after or alone with children (S9)",
    "contact_with_child": "contact with a child: dropping off, collecting, seeing children (S2)",
    "stays_at": "staying at another address or household (S1, S8)",
}
"""Every kind of fact a note can propose, and the signal that reads it."""

NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "denies", "denied", "deny"})
"""Words that, just before or inside a match, make the sentence say the opposite."""

CEASED = frozenset({"stopped", "quit", "gave", "ceased", "former", "formerly", "previously", "used", "banned"})
"""Words that, before a role or a contact, say it is over ("has stopped helping out", "used to coach")."""

ONGOING_KINDS = frozenset({"child_role", "unsupervised_contact", "contact_with_child"})
"""Kinds that a word of `CEASED` cancels: what matters is that the role or the contact goes on."""

NEGATION_WINDOW = 3
"""How many tokens before a match are searched for a negation ("has not been | taken off the register")."""

PARTNER_WORDS = frozenset({"partner", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "fiancé"})
"""Words that make a stay one at the partner's household (notes/read.py resolves it to her address)."""

HOST_WINDOW = 4
"""How many tokens after "stays at" are searched for whose household it is ("at | his new partner 's")."""

OFFENCE_CONTEXT = frozenset(
    {
        "conviction", "convictions", "convicted", "offence", "offences", "offense", "charges", "charge",
        "charged", "arrested", "police", "court", "register", "images", "pictures", "photos", "material",
        "trouble", "accused", "sentence", "prison", "jail", "case", "appeal", "sex", "sexual", "offender",
    }
)  # fmt: skip
"""A note must speak of an offence for a sentence in it to be read as an account of the offence."""

SPEECH = frozenset(
    {
        "says", "said", "say", "saying", "tells", "told", "tell", "disclosed", "discloses", "disclose",
        "reports", "reported", "mentions", "mentioned", "states", "stated", "explains", "explained",
        "claims", "claimed", "admits", "admitted", "describes", "described", "insists", "insisted",
        "maintains", "maintained",
    }
)  # fmt: skip
SPEAKERS: dict[str, str] = {
    "mum": "mother", "mother": "mother", "mom": "mother", "mummy": "mother", "mam": "mother",
    "dad": "father", "father": "father", "daddy": "father",
    "pt": "subject", "patient": "subject", "he": "subject", "she": "subject", "i": "subject",
    "subject": "subject", "client": "subject", "nominal": "subject", "pop": "subject",
}  # fmt: skip
"""Who says a sentence, from the nearest of these words before its first verb of speech."""

CHILD_WORDS = [
    "child", "children", "kids", "kid", "boy", "boys", "girl", "girls", "youth", "youngsters", "junior",
    "juniors", "baby", "babies", "toddler", "toddlers", "daughter", "daughters", "son", "sons", "nephew",
    "nephews", "niece", "nieces", "grandchildren", "grandson", "granddaughter", "scouts", "cubs", "beavers",
    "brownies", "guides", "pupils", "teenagers", "teens",
]  # fmt: skip
ROLE_VERBS = [
    "coach", "coaches", "coaching", "coached", "volunteer", "volunteers", "volunteering", "volunteered",
    "referee", "referees", "refereeing", "mentor", "mentors", "mentoring", "tutor", "tutors", "tutoring",
    "assists", "assisting", "leader", "leads", "leading", "runs", "running", "helps", "helping", "helped",
    "help", "instructs", "instructing", "instructor", "teaches", "teaching", "supervises", "supervising",
]  # fmt: skip
MATERIAL = ["images", "pictures", "photos", "material", "videos", "files", "stuff", "it"]
DEVICES = ["laptop", "computer", "pc", "phone", "tablet", "ipad", "hard", "drive", "mobile", "device"]
OTHERS = [
    "nephew", "brother", "son", "friend", "mate", "lodger", "cousin", "flatmate", "housemate", "someone",
    "somebody", "uncle", "stepson", "neighbour", "colleague", "ex", "previous",
]  # fmt: skip

_CHILD = {"LOWER": {"REGEX": "^(" + "|".join(CHILD_WORDS) + r"|u-?\d{1,2}s?|under-?\d{1,2}s?)$"}}
"""A child word, or an age band ("under-11s", "u12s")."""
_GAP = {"IS_SENT_START": False, "IS_PUNCT": False, "OP": "*"}  # any words, within the sentence and clause
_MAX_SPAN = 12  # a pattern with gaps matches within this many tokens


def _low(*words: str) -> dict[str, Any]:
    return {"LOWER": {"IN": list(words)}}


def _patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """The token patterns, by rule name; a rule's kind is the part before "/"."""
    return {
        "false_account/device": [
            [_low("second", "used", "old", "secondhand", "refurbished"), {"LOWER": {"IN": ["-", "hand"]}, "OP": "*"},
             _low(*DEVICES)],
            [_low("someone", "somebody"), {"LOWER": "else", "OP": "?"}, {"LOWER": "'s"}, _low(*DEVICES)],
            [_low("second-hand", "secondhand"), _low(*DEVICES)],
        ],
        "false_account/already_on_it": [
            [_low(*MATERIAL), _GAP, {"LOWER": "already"}, _low("on", "in"), _low("it", "there", "them", "the")],
        ],
        "false_account/someone_else": [
            [_low(*OTHERS), {"LOWER": {"IN": ["who", "that"]}, "OP": "?"}, {"LOWER": "had", "OP": "?"},
             _low("downloaded", "download", "did", "put", "viewed", "saved", "sent", "looked", "made", "shared")],
        ],
        "false_account/accused": [
            [_low("wrongly", "falsely", "wrongfully", "unfairly"), _low("accused", "convicted", "charged", "blamed",
                                                                         "arrested", "jailed", "named")],
            [_low("set", "fitted", "stitched"), {"LOWER": "up"}],
            [_low("innocent", "framed")],
        ],
        "false_account/dropped": [
            [_low("charges", "charge", "case", "conviction", "it", "everything", "allegations", "allegation"), _GAP,
             _low("dropped", "dismissed", "quashed", "overturned", "withdrawn", "discontinued", "acquitted")],
            [_low("thrown", "chucked", "kicked"), {"LOWER": "out"}],
            [_low("acquitted")],
        ],
        "false_account/denied_conviction": [  # claims that are themselves denials: negation is the claim
            [_low("never", "not", "n't"), {"LOWER": "been", "OP": "?"},
             _low("convicted", "charged", "prosecuted", "sentenced", "guilty")],
            [{"LOWER": "no"}, {"LOWER": "longer"}, {"LOWER": "on"}, {"LOWER": "the", "OP": "?"},
             _low("register", "visor")],
            [{"LOWER": "no"}, {"LOWER": "longer"}, {"LOWER": "registered"}],
        ],
        "false_account/off_register": [
            [_low("taken", "removed", "came", "come", "comes", "got", "deleted", "struck"), _low("off", "from"),
             {"LOWER": {"IN": ["the", "that"]}, "OP": "?"}, _low("register", "list", "visor")],
        ],
        "false_account/only": [
            [_low("only", "just", "merely"), {"LOWER": {"IN": ["a", "some", "few", "the"]}, "OP": "?"},
             _low("images", "image", "pictures", "picture", "photos", "photo", "messages", "message", "looking",
                  "looked", "chatting", "chat", "texts", "texting", "online", "talking", "talk", "viewing",
                  "downloading")],
        ],
        "false_account/lied_about_age": [
            [_low("lied", "lying", "lies", "lie"), {"LOWER": "about"}, _low("her", "his", "their"), {"LOWER": "age"}],
            [_low("looked", "said", "told", "claimed"), {"LOWER": {"IN": ["she", "he", "him"]}, "OP": "?"},
             {"LOWER": {"IN": ["was", "were"]}, "OP": "?"}, _low("older", "16", "18", "sixteen", "eighteen")],
        ],
        "false_account/misunderstanding": [
            [_low("misunderstanding", "misunderstood", "mix-up", "mixup")],
            [{"LOWER": "mix"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "up"}],
        ],
        "child_role/role": [
            [_low(*ROLE_VERBS), _GAP, _CHILD],
        ],
        "unsupervised_contact/babysits": [
            [_low("babysits", "babysitting", "babysat", "babysit", "babysitter", "childminds", "childminding")],
            [{"LOWER": "baby"}, {"LOWER": "-", "OP": "?"}, _low("sits", "sitting", "sat", "sit")],
            [_low("looks", "looking", "looked", "look", "minds", "minding", "minded", "watches", "watching"),
             {"LOWER": "after", "OP": "?"}, _GAP, _CHILD],
            [{"LOWER": "alone"}, {"LOWER": "with"}, _GAP, _CHILD],
        ],
        "contact_with_child/drop_collect": [
            [_low("dropped", "drops", "dropping", "drop", "collects", "collected", "collecting", "collect", "picks",
                  "picked", "picking", "takes", "took", "taking"), _GAP, _CHILD],
            [_low("sees", "seeing", "saw", "visits", "visiting", "visited", "plays", "playing", "contact"), _GAP,
             _CHILD],
        ],
        "stays_at/stays": [
            [_low("stays", "staying", "stayed", "stay", "stops", "stopping", "stopped", "sleeps", "sleeping", "slept"),
             _low("at", "with", "over", "round")],
        ],
    }  # fmt: skip


NEGATED_CLAIMS = frozenset({"false_account/denied_conviction"})
"""Rules whose claim is itself a denial: a negation in them is what they look for."""

NEEDS_OFFENCE_CONTEXT = frozenset({"false_account"})
"""Kinds read only in a note that speaks of an offence."""


@dataclass(frozen=True)
class Proposal:
    """One fact a note proposes: its kind, the rule and words that matched, the sentence, who said it."""

    kind: str
    rule: str
    phrase: str
    sentence: str
    index: int  # the sentence's number in the note, from 0: with the record, the fact's stable key
    speaker: str  # "subject" (whose record the note is on), "mother" or "father"
    host: str = ""  # a stay's household, when the sentence names it by relationship ("at his partner's"): "partner"


class NoteReader:
    """A blank English pipeline with a sentencizer and the Matcher of `_patterns`; build once, read many."""

    def __init__(self) -> None:
        import spacy
        from spacy.matcher import Matcher

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        for rule, patterns in _patterns().items():
            self.matcher.add(rule, patterns)

    def read(self, text: str | None) -> list[Proposal]:
        """The facts one note proposes (at most one per kind and sentence), in the order of its sentences."""
        return next(self.read_all([text]))

    def read_all(self, texts: Iterable[str | None]) -> Iterator[list[Proposal]]:
        """`read` for many notes, streamed through spaCy's `pipe`."""
        for doc in self.nlp.pipe(t or "" for t in texts):
            yield self._proposals(doc)

    def _proposals(self, doc: Any) -> list[Proposal]:
        offence = any(t.lower_ in OFFENCE_CONTEXT for t in doc)
        sentences = list(doc.sents)
        found: dict[tuple[int, str], Proposal] = {}
        for match_id, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], m[2] - m[1])):
            rule = self.nlp.vocab.strings[match_id]
            kind = rule.split("/")[0]
            if end - start > _MAX_SPAN or (kind in NEEDS_OFFENCE_CONTEXT and not offence):
                continue
            index, sent = next((i, s) for i, s in enumerate(sentences) if s.start <= start < s.end)
            words = NEGATIONS | CEASED if kind in ONGOING_KINDS else NEGATIONS
            if end > sent.end or (rule not in NEGATED_CLAIMS and _negated(doc, sent.start, start, end, words)):
                continue
            speaker = _speaker(sent) if kind == "false_account" else "subject"
            host = _host(doc, end, sent.end) if kind == "stays_at" else ""
            found.setdefault(
                (index, kind), Proposal(kind, rule, doc[start:end].text, sent.text.strip(), index, speaker, host)
            )
        return sorted(found.values(), key=lambda p: (p.index, p.kind))


def _negated(doc: Any, sent_start: int, start: int, end: int, words: frozenset[str]) -> bool:
    """A negation (one of `words`) among the few words before the match, or inside it."""
    return any(t.lower_ in words for t in doc[max(sent_start, start - NEGATION_WINDOW) : end])


def _host(doc: Any, end: int, sent_end: int) -> str:
    """Whose household a stay is at, when the words just after "stays at" / "stays with" name a partner ("stays
    at his new partner's", "stays with his girlfriend"); "" otherwise (a name or a place: nothing to resolve)."""
    return "partner" if any(t.lower_ in PARTNER_WORDS for t in doc[end : min(end + HOST_WINDOW, sent_end)]) else ""


def _speaker(sent: Any) -> str:
    """Who says the sentence: the nearest speaker word before its first verb of speech; else the subject."""
    verb = next((t.i for t in sent if t.lower_ in SPEECH), None)
    if verb is None:
        return "subject"
    for t in reversed(sent.doc[sent.start : verb]):
        if t.lower_ in SPEAKERS:
            return SPEAKERS[t.lower_]
    return "subject"


@lru_cache(maxsize=1)
def reader() -> NoteReader:
    """The one reader of this process (building the Matcher takes a moment)."""
    return NoteReader()
