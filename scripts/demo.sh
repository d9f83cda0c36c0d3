#!/usr/bin/env bash
# The main job on a fresh machine: install fashion-kg into .venv, ingest the bundled
# sample articles into the embedded store (./kg-store), print a named query, write an
# interactive HTML view.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
kg=.venv/bin/kg
$kg ingest data/articles --store ./kg-store
echo
echo "Who is the face of which house (queries/ambassadors.rq):"
$kg query ambassadors --store ./kg-store
echo
$kg view --store ./kg-store -o graph.html
echo "Open graph.html in a browser to explore the graph."
