"""Data: check and load feed files (upload or a folder), generate a synthetic population, see what the graph holds."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from errors import SightlineError
from explorer import cached, ui
from explorer import data as feeds
from explorer.text import md

st.title("Data")
ui.require_identity("load")  # it reads feed files (personal data) and writes the graph: who and why are logged
graph = ui.graph()
check, synthetic, summary = st.tabs(["Load feed files", "Synthetic population", "What the graph holds"])

with check:
    st.caption(
        "Canonical feed files (docs/feeds.md), or another agency's export with a YAML mapping that describes its "
        "columns (loaders/mappings/example_police_nominals.yaml): checked row by row before anything is loaded."
    )
    uploads = st.file_uploader("Upload feed CSV files", type="csv", accept_multiple_files=True, key="uploads")
    folder_text = st.text_input(
        "…or a folder on the server",
        key="folder",
        placeholder="a folder inside the import folder",
        help=f"Only folders inside {feeds.import_root()} (SIGHTLINE_IMPORT_DIR) can be read",
    )
    with st.expander("Exports with their own columns: YAML mappings"):
        mapping_uploads = st.file_uploader(
            "Upload mappings", type=["yaml", "yml"], accept_multiple_files=True, key="mapping_uploads"
        )
        mapping_text = st.text_area(
            "…or mapping files on the server, one per line", key="mapping_paths", placeholder="mappings/nominals.yaml"
        )
    if st.button("Check files", key="check"):
        try:
            if not uploads and not folder_text.strip():
                raise SightlineError("upload files or give a folder first")
            uploaded = [(u.name, u.getvalue()) for u in uploads or []]
            folder = feeds.save_uploads(uploaded) if uploaded else feeds.server_path(folder_text)
            mapping_paths = [feeds.server_path(line) for line in mapping_text.splitlines() if line.strip()]
            if mapping_uploads:
                saved = feeds.save_uploads([(u.name, u.getvalue()) for u in mapping_uploads])
                mapping_paths += sorted(saved.iterdir())
            mappings = feeds.read_mappings(mapping_paths)
            found = feeds.preview(folder, mappings)
            ui.consult("data check", {"folder": folder}, len(found.rejects))
            st.session_state["preview"] = (folder, mappings, found)
        except (SightlineError, OSError) as e:
            st.error(str(e))
    if "preview" in st.session_state:
        folder, mappings, found = st.session_state["preview"]
        st.markdown(f"Validation report for {md(folder)}")
        st.dataframe(pd.DataFrame(found.files), hide_index=True, width="stretch")
        for name in found.skipped:
            st.warning(f"{md(name)}: not a known feed file and no mapping names it; it will be skipped")
        if found.rejects:
            st.markdown(f"**Rejected rows** (first {len(found.rejects)}): they will not load; the others will.")
            st.dataframe(pd.DataFrame(found.rejects), hide_index=True, width="stretch")
        if found.loadable and st.button("Load into the graph", type="primary", key="load"):
            bar = st.progress(0.0, text="Loading…")
            try:
                report, linked = feeds.load(
                    graph,
                    folder,
                    lambda f, done, total: bar.progress(min(1.0, done / max(total, 1)), text=f"Loading {f}"),
                    mappings,
                )
            except SightlineError as e:
                ui.fail(e)
            bar.progress(1.0, text="Loaded")
            ui.record("collection", "load feed files", {"folder": folder}, sum(f.loaded for f in report.files))
            st.dataframe(feeds.report_table(report), hide_index=True, width="stretch")
            st.success(
                f"Loaded. Exact linkage: {linked['records']} records, {linked['identities']} identities."
                if linked
                else "Loaded. Identities come from `sightline resolve`: run `sightline resolve --incremental`."
            )
            st.cache_data.clear()

with synthetic:
    st.caption("Synthetic people with planted cases of every signal and decoys; nothing real.")
    with st.form("generate"):
        cols = st.columns(4)
        people = cols[0].number_input("People", 100, 200_000, 2000, step=500)
        seed = cols[1].number_input("Seed", 0, 10_000, 42)
        case_rate = cols[2].number_input("Case rate", 0.0, 1.0, 0.3, step=0.05)
        variation = cols[3].number_input("Variation rate", 0.0, 1.0, 0.1, step=0.05)
        go = st.form_submit_button("Generate and load", type="primary")
    if go:
        try:
            with st.status("Generating…", expanded=True) as status:
                folder, made = feeds.synthesise_into_empty(
                    graph, int(people), int(seed), float(case_rate), float(variation)
                )
                st.write(
                    f"{made.people} people, {made.offenders} offenders, {made.cases} planted cases, "
                    f"{made.decoys} decoys in `{folder}`"
                )
                bar = st.progress(0.0)
                status.update(label="Loading…")
                report, linked = feeds.load(graph, folder, lambda f, d, t: bar.progress(min(1.0, d / max(t, 1)), f))
                loaded = sum(f.loaded for f in report.files)
                ui.record("collection", "generate synthetic population", {"people": people, "seed": seed}, loaded)
                status.update(label=f"Loaded {loaded} rows", state="complete")
        except SightlineError as e:
            ui.fail(e)
        st.cache_data.clear()

with summary:
    try:
        stats = cached.stats()
    except SightlineError as e:
        ui.fail(e)
    if not stats["nodes"]:
        st.info("The graph is empty: load feed files or generate a synthetic population.")
        st.stop()
    nodes, relationships = st.columns(2)
    nodes.metric("Nodes", f"{stats['nodes']:,}")
    relationships.metric("Relationships", f"{stats['relationships']:,}")
    st.dataframe(feeds.sources_table(stats), width="stretch")
