#!/usr/bin/env bash
# Prints a pipeline that runs the default report's queries and templates over a synthetic UN-CTS
# csv made by `kidnap-trends synth` (its reporting units beside it, `NAME.units.csv`):
#
#   benches/synth_pipeline.sh CSV NAME CITATION OUTPUT > pipeline.yaml
#
# The tables materialised are the default pipeline's, in its order; the parameters are its own.
set -euo pipefail
csv=$1 name=$2 citation=$3 output=$4
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tables=$(grep -m1 '^  tables:' "$root/pipelines/ccpcj-kidnapping.yaml")
cat <<EOF
# Written by benches/synth_pipeline.sh: the default report's queries and templates, synthetic data.
name: $name
title: Synthetic benchmark ($name)
sources:
  - id: synth
    layout: unodc-cts
    path: $csv
    release: "synthetic"
    citation: "$citation"
    category: Kidnapping
population:
  path: $root/data/population-worldbank/population.csv
  citation: "World Bank, World Development Indicators (SP.POP.TOTL)"
  vintage: "2026-03-06"
countries:
  path: $root/data/country-codes-m49/country-codes.csv
  units: ${csv%.csv}.units.csv
  citation: "UN Statistics Division, M49 standard; synthetic reporting units"
params:
  first_year: 2013
  last_year: 2023
  p1: [2013, 2015]
  p2: [2021, 2023]
  top_n_table: 10
  top_n_chart: 15
  population_floor: 100000
  min_countries: 3
  region_share_for_text: 0.5
  stable_band: 0.10
queries:
  dir: $root/queries/ccpcj
$tables
report:
  dir: $root/reports/ccpcj-kidnapping
output: $output
EOF
