"""Source records and coded values in words: "police home visit VIS123", never "police_visits VIS123";
"no unsupervised contact with under-16s", never "NO_UNSUPERVISED_CONTACT_U16"."""

from __future__ import annotations

RECORDS = {  # feed -> what one of its records is (loaders/feeds.yaml)
    "agencies": "agency directory entry",
    "practitioners": "practitioner directory entry",
    "police_nominals": "police nominal record",
    "police_convictions": "conviction",
    "police_orders": "court order",
    "police_order_conditions": "order condition",
    "police_notification_periods": "notification period",
    "police_notifications": "police notification",
    "police_addresses": "address registered with police",
    "police_stays": "police record of a stay",
    "police_risk_assessments": "risk assessment (ARMS)",
    "police_visits": "police home visit",
    "police_associates": "police record of an associate",
    "police_aliases": "police record of an alias",
    "police_intelligence": "police intelligence report",
    "police_merlin": "MERLIN report",
    "probation_cases": "probation case",
    "probation_contacts": "probation contact",
    "csc_persons": "children's social care record",
    "csc_relationships": "children's social care family record",
    "csc_referrals": "referral to children's social care",
    "csc_assessments": "children's social care assessment",
    "csc_strategy_discussions": "strategy discussion",
    "csc_closures": "case closure",
    "csc_closure_recipients": "closure summary sent",
    "health_gp_registrations": "GP registration",
    "health_births": "birth record",
    "health_maternity_bookings": "maternity booking",
    "health_contacts": "health contact",
    "education_enrolments": "school or nursery enrolment",
    "education_addresses": "school record of an address",
    "education_collections": "school drop-off or collection",
    "employment": "employment record",
    "travel": "travel record",
    "housing_tenancies": "tenancy",
    "disclosures": "disclosure",
}
CONDITIONS = {  # police_order_conditions.condition_code
    "NO_UNSUPERVISED_CONTACT_U16": "no unsupervised contact with under-16s",
    "NO_WORK_WITH_U16": "no work with under-16s",
    "NO_RESIDENCE_WITH_U18": "not to live with under-18s",
    "INTERNET_MONITORING": "internet use monitored",
    "NO_SCHOOL_APPROACH": "not to approach schools",
    "OTHER": "other condition",
}
CODES = {  # coded values that reach a summary: visit and contact types, outcomes
    "home_visit": "home visit",
    "station_attendance": "attendance at the station",
    "shared_with_csc": "shared with children's social care",
    "passed_back": "passed back",
    "no_action": "no action",
    "health_visit": "health visitor visit",
    "midwife_visit": "midwife visit",
    "gp_appointment": "GP appointment",
    "hospital_admission": "hospital admission",
    "nicu_visit": "neonatal unit visit",
    "paediatric_appointment": "paediatric appointment",
    "unpaid_work": "unpaid work",
    "agency_check": "agency check",
    "staying_at_address": "staying at an address",
}


def record(feed: str | None, record_id: str | None = None) -> str:
    """A source record as an analyst names it: "birth record BIR123" ("health_births", "BIR123")."""
    kind = RECORDS.get(feed or "", (feed or "record").replace("_", " "))
    return f"{kind} {record_id}" if record_id else kind


def condition(code: str | None) -> str:
    """An order condition's code in words; an unknown code lower-cased without underscores."""
    text = (code or "").strip()
    return CONDITIONS.get(text.upper(), text.replace("_", " ").lower())


def code(value: str | None) -> str:
    """A coded value in words ("passed_back" -> "passed back"); unknown codes without underscores."""
    text = (value or "").strip()
    return CODES.get(text.lower(), text.replace("_", " "))
