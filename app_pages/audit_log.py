"""Audit log: supervisors read the s.62 log (who consulted, altered, disclosed or combined whose records, when
and why), filter it by days, account and person, and download it; reading it is itself logged."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from audit.log import AuditLog
from explorer import audit_view, ui

st.title("Audit log")
st.caption("Every action on personal data, with who, role, when, what, whom and why (DPA 2018 s.62).")
ui.require_identity("audit")
log = AuditLog.from_settings()
verdict = log.verify()
if verdict.ok:
    st.caption(f"{verdict.entries} entries; the hash chain and its head hold.")
else:
    st.error(f"The log is broken at line {verdict.broken_line or 'its end'}: {verdict.problem}")
cols = st.columns(4)
since = cols[0].date_input("From", value=dt.date.today() - dt.timedelta(days=30), key="audit-from")
until = cols[1].date_input("To", value=dt.date.today(), key="audit-to")
user = cols[2].text_input("Account", key="audit-user", placeholder="any account")
subject = cols[3].text_input("Person (key)", key="audit-subject", placeholder="e.g. nhs:9434765919, identity:…")
keep = audit_view.Filter(since, until, user, subject)  # type: ignore[arg-type]
try:
    entries = audit_view.chosen(log, keep)
except ValueError as e:
    ui.fail(e)
ui.consult("audit log", keep.params(), len(entries), [subject.strip()] if subject.strip() else [])
st.markdown(f"**{len(entries)}** entries, newest first.")
if not entries:
    st.info("No entry matches these filters.")
    st.stop()
st.dataframe(audit_view.table(entries), hide_index=True, width="stretch")
ui.download(
    "Download CSV",
    audit_view.as_csv(entries),
    "audit-log.csv",
    "text/csv",
    keep.params()["subject"].split(),
    len(entries),
)
