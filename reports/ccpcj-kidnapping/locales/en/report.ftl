### The words of the report's figures and tables (report.yaml), English: the original.
### Every message has the pipeline's parameters ($first_year, $last_year, $p1_from, $p1_to,
### $p2_from, $p2_to, $population_floor, …), its quality settings ($rate_mismatch_tolerance,
### $implausible_jump_factor, …), $latest_from (the first year of "latest year available") and
### the document's name of each figure and table ($F2 is "figure II", $T10 "annex table 10").
### A row's text also has the row's values. Numbers print through a function saying what they
### are (NUM, FIGURE, RATE, PERCENT, PLAIN, DECIMALS, FOLD; a bare year as it is): README, "Catalogues".

# The report's title (masthead and HTML title).
report-title = Trends in kidnapping recorded by the police, { $first_year }–{ $last_year }

## Chapter headings of the document.

# Chapter I heading.
chapter-introduction = Introduction
# Chapter II heading: the statistical chapter.
chapter-trends = Trends in kidnapping recorded by the police
# Chapter III heading.
chapter-measures = Measures reported by Member States
# Chapter IV heading.
chapter-assistance = Technical assistance provided by the United Nations Office on Drugs and Crime
# Chapter V heading.
chapter-conclusions = Conclusions and recommendations

## Figures: the title is the message; .subtitle (the unit line), .axis (the value axis),
## .note-1, .note-2 … (the notes under the figure).

# Figure F1: stacked bars of reporting units per year, one segment per region.
F1 = Countries and areas reporting kidnapping data, by region, { $first_year }–{ $last_year }
    .subtitle = Number of reporting units with a police-recorded count
    .axis = Countries and areas
    .note-1 = Sub-national units (England and Wales, Scotland, Northern Ireland, Central Iraq) count as separate units.

# Figure F2: lines of the panel's aggregate rate per region. $min_countries: fewest panel units a region needs.
F2 = Kidnapping rate in a constant panel of countries, by region, { $first_year }–{ $last_year }
    .subtitle = Kidnappings per 100,000 population (Σ count ÷ Σ population)
    .axis = Rate per 100,000 population
    .note-1 = Constant panel: units with data in every year { $first_year }–{ $last_year } and no series break. Regions with fewer than { NUM($min_countries) } panel units are not shown.
    .note-2 = Shares of population refer to { $last_year }, of the population of the region's (the world's) M49 members. Aggregates cover the panel units only; no imputation.

# Legend of a line of F2 and F3: the whole panel ($series_order 1) or one region ($series, its
# name); $panel_n: its panel units; $population_share: the share of population they cover (0–1).
panel-series = { NUMBER($series_order) ->
    [1] All panel countries ({ PLAIN($panel_n) }, { PERCENT($population_share, decimals: 0) } of world population)
   *[other] { $series } ({ PLAIN($panel_n) } { NUMBER($panel_n) ->
        [one] country
       *[other] countries
    }, { PERCENT($population_share, decimals: 0) } of population)
}

# Figure F3: the F2 rates as an index, first year = 100.
F3 = Index of the kidnapping rate in the constant panel, by region, { $first_year }–{ $last_year }
    .subtitle = Aggregate rate of { $F2 }, { $first_year } = 100
    .axis = Index ({ $first_year } = 100)
    .note-1 = Same panel and coverage rule as { $F2 }. An index shows relative change only: regions with very different levels can have the same index.

# Figure F4: one dot per country on a log axis, one row per region, the regional median marked.
F4 = Kidnapping rates by region, latest year available ({ $latest_from }–{ $last_year })
    .subtitle = Kidnappings per 100,000 population, one dot per country or area (logarithmic scale); bar = regional median
    .axis = Rate per 100,000 population (log scale)
    .note-1 = Every reporting unit is shown, whatever its population. Medians are of unit rates, not population-weighted. National definitions differ.

# Figure F5: ranked bars of the highest rates. $top_n_chart: bars shown; $small_count: the count
# under which a rate is marked †; $population_floor: inhabitants a ranked unit needs.
F5 = Highest kidnapping rates, latest year available ({ $latest_from }–{ $last_year })
    .subtitle = Kidnappings per 100,000 population, top { NUM($top_n_chart) }
    .axis = Rate per 100,000 population
    .note-1 = Year shown where the latest data are older than { $last_year }. † fewer than { FIGURE($small_count) } kidnappings. Countries and areas under { FIGURE($population_floor) } inhabitants are not ranked.
    .note-2 = National definitions differ: rates are not comparable across countries.

# Figure F6: one dumbbell per country from the first period's mean rate to the second's;
# .start-name and .end-name are the legend of the two ends. "b" is the series-break mark.
F6 = Mean kidnapping rate, { $p1_from }–{ $p1_to } and { $p2_from }–{ $p2_to }, by country or area
    .subtitle = Kidnappings per 100,000 population; sorted by relative change, largest rise first
    .axis = Rate per 100,000 population
    .start-name = Mean { $p1_from }–{ $p1_to }
    .end-name = Mean { $p2_from }–{ $p2_to }
    .note-1 = Period means need at least two years of data in each period. b: series break in { $first_year }–{ $last_year } (the unit stays here, flagged). Countries and areas under { FIGURE($population_floor) } inhabitants are not shown.

# Figure F7: small multiples, one panel per country. $multiples: panels shown.
F7 = Kidnapping rates in the { NUM($multiples) } countries and areas with most kidnappings in { $last_year }
    .subtitle = Kidnappings per 100,000 population, with the centred 3-year moving average; each panel has its own scale
    .axis = Rate per 100,000 population
    .note-1 = Moving average shown only where all three years have data; years just outside { $first_year }–{ $last_year } may serve. Dotted line: series break. Countries and areas under { FIGURE($population_floor) } inhabitants are not selected.

# Figure F8: stacked bars per region of the units whose rate rose, stayed stable or fell.
# $stable_band: the band of "stable" (0–1).
F8 = Direction of change in kidnapping rates between { $p1_from }–{ $p1_to } and { $p2_from }–{ $p2_to }, by region
    .subtitle = Number of countries and areas whose mean rate rose, stayed within ±{ PERCENT($stable_band) }, or fell
    .axis = Countries and areas
    .note-1 = Units with a series break are included. A mean rate of zero in the first period counts as up if the second is above zero.

# Legend of a segment of F8: $direction is the code Up, Stable or Down.
F8-series = { $direction ->
    [Up] Up
    [Stable] Stable
   *[other] Down
}

## Tables: the title is the message; .note-1, .note-2 … the notes under it; the column
## headings are the attributes of <table>-columns, by the query column they head.

# Table T1: reporting units and panel units per region.
T1 = Availability of kidnapping data by region, { $first_year }–{ $last_year }
    .note-1 = Countries or areas: members of the region in the UN M49 standard. Reporting units include sub-national units (England and Wales, Scotland, Northern Ireland, Central Iraq) and Kosovo under UNSCR 1244, which have no M49 code and are not counted as members.
    .note-2 = Population covered: population of the units with a count in { $last_year } as a share of the population of the region's M49 members (World Bank).
# Column headings of table T1.
T1-columns =
    .region = Region
    .countries = Countries or areas
    .reporting = With data for at least one year
    .panel = In constant panel
    .population_share = Population covered in { $last_year } (per cent)
# A region cell of T1: $region is the region's name, or the code Total for the last row.
T1-region = { $region ->
    [Total] Total
   *[other] { $region }
}

# Table T2: the panel's rates per region. $min_countries: fewest panel units a region needs.
T2 = Kidnapping rates in the constant panel, by region, { $first_year } and { $last_year }
    .note-1 = Rates per 100,000 population = Σ count ÷ Σ population × 100,000 over the panel units. Share of population: the panel units' population in { $last_year } over that of the region's (the world's) M49 members. Annual growth: compound rate between { $first_year } and { $last_year }; slope: least-squares line through the yearly aggregate rates.
    .note-2 = “..”: fewer than { NUM($min_countries) } panel units; no aggregate is shown.
# Column headings of table T2.
T2-columns =
    .region = Region
    .panel_n = Panel units
    .population_share = Share of population (per cent)
    .rate_first = Rate { $first_year }
    .rate_last = Rate { $last_year }
    .change = Change (per cent)
    .cagr = Annual growth (per cent)
    .slope = Slope (rate per year)
    .median_rate = Median unit rate { $last_year }
# A region cell of T2: the whole panel ($row_order 1) or a region ($region, its name).
T2-region = { NUMBER($row_order) ->
    [1] All panel countries
   *[other] { $region }
}

# Table T3: the highest rates. P1 and P2 are the two periods compared.
T3 = Highest kidnapping rates, latest year available
    .note-1 = Latest year: most recent year with data in { $latest_from }–{ $last_year }. Rates per 100,000 population as published by UNODC. 3-year average: the latest year and the two before it (all three needed).
    .note-2 = Change: mean rate { $p2_from }–{ $p2_to } over mean rate { $p1_from }–{ $p1_to } (each needs at least two years).
    .note-3 = Countries and areas under { FIGURE($population_floor) } inhabitants are not ranked. National definitions differ: rates are not comparable across countries.
# Column headings of table T3.
T3-columns =
    .rank = Rank
    .country = Country or area
    .region = Region
    .year = Year
    .count = Kidnappings
    .rate = Rate
    .average_3y = 3-year average rate
    .change = Change P1→P2 (per cent)

# Table T4: the largest counts.
T4 = Largest numbers of kidnappings recorded, latest year available
    .note-1 = Share: the unit's latest-year count over the sum of the latest-year counts of all reporting units. Countries and areas under { FIGURE($population_floor) } inhabitants are not ranked.
# Column headings of table T4.
T4-columns =
    .rank = Rank
    .country = Country or area
    .year = Year
    .count = Kidnappings
    .rate = Rate
    .share = Share of all recorded (per cent)

# Table T5: the largest increases and decreases between the two periods.
T5 = Largest increases and decreases in the mean kidnapping rate, { $p1_from }–{ $p1_to } to { $p2_from }–{ $p2_to }
    .note-1 = Only units with at least { FIGURE($small_count) } kidnappings a year on average in { $p1_from }–{ $p1_to } and at least { FIGURE($population_floor) } inhabitants. b: series break (the unit stays, flagged).
# Column headings of table T5 (the first column, which says increase or decrease, has none).
T5-columns =
    .kind = { "" }
    .rank = Rank
    .country = Country or area
    .region = Region
    .p1_mean = Mean rate { $p1_from }–{ $p1_to }
    .p2_mean = Mean rate { $p2_from }–{ $p2_to }
    .change = Change (per cent)
    .flag = Flag
# The first cell of a T5 row: $kind is the code Increase or Decrease.
T5-kind = { $kind ->
    [Increase] Increase
   *[other] Decrease
}

# Table T6 (annex): every country-year.
T6 = Kidnappings recorded and rate per 100,000 population, by country or area and year, { $first_year }–{ $last_year }
    .note-1 = Change from previous year: only when the previous year has data (a gap is not a year), its rate is above zero and its count at least { FIGURE($small_count) }; otherwise “..”.
    .note-2 = Flags: b series break; e estimate (the count is not a whole number). A dash (–) indicates nil (zero); two dots (..) indicate that a figure is not available.
# Column headings of table T6.
T6-columns =
    .country = Country or area
    .year = Year
    .count = Kidnappings
    .rate = Rate
    .yoy = Change from previous year (per cent)
    .flags = Flags

# Table T7 (annex): series breaks and rate inconsistencies. $break_ratio, $break_min_count,
# $break_hold: the break rule's settings.
T7 = Series breaks and data-quality notes, { $first_year }–{ $last_year }
    .note-1 = Break rule: the rate { NUMBER($break_ratio) ->
        [2] at least doubles or halves
       *[other] changes at least { FOLD($break_ratio) }
    } from the previous year (a move to or from zero counts), on at least { FIGURE($break_min_count) } cases, and stays within { PERCENT($break_hold) } the next year. Consistency rule: published rate more than { PERCENT($rate_mismatch_tolerance) } away from count ÷ World Bank population × 100,000 (the tolerance of the consistency check of { $T10 }).
    .note-2 = Treatment: a confirmed break after { $first_year } takes the unit out of the constant panel and so out of the trend aggregates ({ $F2 } and { $F3 }, { $T2 }); a jump into { $first_year } does not, the whole period being on the new level; a possible break changes nothing. Marked b: the year in { $T6 } (and { $F7 }). Period change flagged b: { $F6 } and { $T5 }. Levels, rankings and period comparisons keep units with breaks.
# Column headings of table T7.
T7-columns =
    .country = Country or area
    .year = Year
    .change = Observation
    .rule = Rule
    .treatment = Treatment
# What T7 observed: a jump ($kind_order 0: the rate and count before and in the year) or a
# published rate against the one computed ($kind_order 1; $gap_per_cent: how far apart).
T7-change = { NUMBER($kind_order) ->
    [0] rate { DECIMALS($prev_rate, places: 2) } → { DECIMALS($rate, places: 2) } (count { DECIMALS($prev_count, places: 0) } → { DECIMALS($count, places: 0) })
   *[other] published { DECIMALS($rate, places: 2) }, computed { DECIMALS($computed_rate, places: 2) } ({ DECIMALS($gap_per_cent, places: 1) } per cent apart)
}
# The rule of a T7 row: the consistency check ($kind_order 1), or a confirmed or possible break
# ($status: confirmed or possible).
T7-rule = { NUMBER($kind_order) ->
    [1] Rate inconsistent with count and World Bank population (> { PERCENT($rate_mismatch_tolerance, exact: 1) })
   *[other] { $status ->
        [confirmed] Series break (rate doubled or halved, persisted)
       *[other] Possible series break (no data for the following year)
    }
}
# Where a T7 unit stands with the panel: $panel_state is in_panel, out_by_break (its break in
# $first_break takes it out), lacks_data or country_reports.
T7-state = { $panel_state ->
    [in_panel] the unit stays in the panel and its trend aggregates
    [out_by_break] the unit is out of the panel through its break in { $first_break }
    [lacks_data] the unit is not in the panel for lack of data in some year
   *[country_reports] the unit is not in the panel: its country also reports in some year
}
# What was done with a T7 row. $case: check (a consistency finding), excluded (the break
# that takes the unit out), already (a later break of a unit already out), first_year (a jump
# into the first year), unconfirmed; then whether the year is marked b in table T6 ($status
# confirmed) and whether the period change is flagged ($first_break missing: not).
T7-treatment = { $case ->
    [check] Published rate kept; the gap may reflect another population estimate or rounding
   *[other] { $case ->
        [excluded] Excluded from the panel and its trend aggregates
        [already] Series already excluded from the panel by its break in { $first_break }
        [first_year] Jump into { $year }, the first year: not a break within the window; { T7-state }
       *[unconfirmed] Not confirmed: { T7-state }
    }; { $status ->
        [confirmed] { $year } marked b
       *[other] not marked b
    }, period change { NUMBER($first_break) ->
        [none] not flagged
       *[other] flagged b
    }
}

# Table T8 (annex): revisions since the previous release. $revision_threshold (0–1).
T8 = Changes since the previous release: counts revised by more than { PERCENT($revision_threshold) }, and country-years removed
    .note-1 = Compared by country code, year and unit of measurement (names change between releases). Rates are revised much more often than counts, mostly because population estimates are revised.
# Column headings of table T8.
T8-columns =
    .country = Country or area
    .year = Year
    .old_count = Previous release
    .new_count = This release
    .change = Revision (per cent)
    .status = Status
# The status cell of T8: $status is the code revised or removed.
T8-status = { $status ->
    [removed] removed
   *[revised] revised
}

# Table T9 (annex): other publications of the same statistics compared with this release.
T9 = The same statistics in other publications, compared with this release
    .note-1 = Compared by country, year and measure. Agreeing: counts equal; rates equal once this release's rate is rounded as the other publication rounds it (within half its last digit: 0.05 for one decimal, 0.005 for two). Gaps are absolute (kidnappings, or rate points). A dash (–) indicates nil (zero).
    .note-2 = Micro-data (records by municipality or state, month, sex or age) are summed to country-years. Other publications may count another unit (victims rather than offences, say): a gap is not necessarily an error.
# Column headings of table T9.
T9-columns =
    .source = Other publication
    .measure = Measure
    .first_year = From
    .last_year = To
    .units = Countries and areas
    .country_years = Country-years
    .in_both = Also in this release
    .agree = Agreeing
    .median_gap = Median gap
    .max_gap = Largest gap
# The measure cell of T9: $unit is the code count or rate.
T9-measure = { $unit ->
    [count] Kidnappings
   *[other] Rate per 100,000
}

# Table T10 (annex): the data-quality rules and what they found.
T10 = Data-quality rules and checks
    .note-1 = Row rules apply to every source row as it is read: a failing row is set aside, with its reason, and is not used. Checks run over every year of the main release, not only { $first_year }–{ $last_year }; they flag a figure and do not change it. Each finding is listed, with its country or area and year, in the data files published with this report. A dash (–) indicates nil (zero).
# Column headings of table T10 (the first column, which says rule or check, has none).
T10-columns =
    .kind = { "" }
    .description = Rule
    .findings = Rows or country-years flagged
    .spread = Sources or units concerned
# The first cell of a T10 row: $kind is the code row_rule or check.
T10-kind = { $kind ->
    [row_rule] Row rule
   *[other] Check
}
# What a T10 rule or check is, by its code $rule; $rate_mismatch_tolerance (0–1),
# $implausible_jump_factor and $implausible_jump_min_count are its settings.
T10-description = { $rule ->
    [bad_value] A cell that is not what its column holds (quarantined)
    [negative_value] A negative count or rate (quarantined)
    [duplicate] The same country, year and unit twice (quarantined)
    [unknown_code] A country code or name no reference table knows (quarantined)
    [rate_mismatch] Published rate more than { PERCENT($rate_mismatch_tolerance, exact: 1) } away from count ÷ World Bank population × 100,000
    [implausible_jump] Count changing more than { FOLD($implausible_jump_factor) } from one year to the next (either year at least { PLAIN($implausible_jump_min_count) })
    [subnational_without_national] Sub-national unit reporting in a year its country does not (shown as a unit of its own)
   *[other] Sub-national unit reporting in a year its country also does (left out of aggregates)
}
