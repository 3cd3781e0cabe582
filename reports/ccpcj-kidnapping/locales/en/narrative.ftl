### The computed narrative of chapter II (narrative.j2) and the Summary (summary.md), English:
### the original. Which sentence is said is decided in the templates; the words are here. The
### text is the document's Markdown: keep [@F1] (a cross-reference to figure F1, which the
### document prints as "figure I" in its language) and [^definition] (a footnote) as they are.
### Every message also has the pipeline's parameters ($first_year, $last_year, …).

## Subheadings of chapter II.

# Subheading: which data there are.
heading-data = Data available
# Subheading: the trend of the constant panel.
heading-trends = Trends in the constant panel
# Subheading: levels in the last year.
heading-levels = Levels in the latest year
# Subheading: change between the two periods, by country.
heading-change = Change by country or area
# Subheading: revisions, other sources and data quality.
heading-revisions = Revisions, sources and data quality

## Chapter II, "Data available" (queries N1).

# $reporting: countries and areas that reported at least one year.
n1-reporting = Between { $first_year } and { $last_year }, { NUM($reporting) } { NUMBER($reporting) ->
    [one] country or area
   *[other] countries and areas
} reported police-recorded kidnappings to the United Nations Surveys on Crime Trends and the Operations of Criminal Justice Systems (UN-CTS) for at least one year (see [@F1] and [@T1]).
# Follows n1-reporting. $panel_n: those of them that reported every year (the constant panel);
# $share: the share of the world's population they cover (0–1).
n1-panel = { NUM($panel_n, position: "start") } of them reported in every year of the period without a break in their series; this constant panel, on which all trend aggregates rest, covers { PERCENT($share) } of the world's population.
# Follows n1-reporting when no unit reported every year.
n1-no-panel = None reported in every year of the period, so no trend aggregate can be computed.

## Chapter II, "Trends in the constant panel" (N3, N5).

# $panel_n: panel units; $direction: rose or fell (by more than the stable band), stable_up or
# stable_down (within it), none (a zero first rate); $change: the change (0–1, printed without
# sign); $rate_first, $rate_last: rates per 100,000; $cagr_sign: up, down or none (no annual
# change), $cagr: the compound annual change (printed without sign).
n3-trend = In the { NUM($panel_n) } panel { NUMBER($panel_n) ->
    [one] country or area
   *[other] countries and areas
}, the combined kidnapping rate { $direction ->
    [none] cannot be compared, as it was zero in { $first_year }
    [rose] rose by { PERCENT($change) }
    [fell] fell by { PERCENT($change) }
    [stable_up] remained broadly stable (an increase of { PERCENT($change) })
   *[stable_down] remained broadly stable (a decrease of { PERCENT($change) })
} between { $first_year } and { $last_year }, from { RATE($rate_first) } to { RATE($rate_last) } per 100,000 population{ $cagr_sign ->
    [up] , a compound annual change of +{ PERCENT($cagr) }
    [down] , a compound annual change of −{ PERCENT($cagr) }
   *[none] { "" }
} (see [@F2], [@F3] and [@T2]).
# Footnote to n3-trend: what the aggregates are.
n3-aggregates-note = Regional and panel aggregates cover the reporting countries and areas only; they are weighted by population (Σ count ÷ Σ population × 100,000), use a constant panel over { $first_year }–{ $last_year } and impute nothing. They are not estimates for the region or the world.
# When no unit reported every year.
n3-no-panel = No country or area reported in every year from { $first_year } to { $last_year }; no trend is computed.
# Two or more regions' panels cover $region_share_for_text (0–1) of their population:
# $highest_region, $lowest_region are region names, $highest_rate, $lowest_rate their rates.
n5-compared = Among regions whose panel covers at least { PERCENT($region_share_for_text) } of their population, the combined rate in { $last_year } was highest in { $highest_region } ({ RATE($highest_rate) } per 100,000) and lowest in { $lowest_region } ({ RATE($lowest_rate) }).
# Only one region's panel ($highest_region, its rate $highest_rate) covers enough of its population.
n5-one = Only one region's panel, { $highest_region }, covers at least { PERCENT($region_share_for_text) } of its population, with a combined rate of { RATE($highest_rate) } per 100,000 in { $last_year }; no comparison between regions is made.
# No region's panel covers enough of its population.
n5-none = No region's panel covers { PERCENT($region_share_for_text) } of its population, so no statement is made about any region as a whole and regions are not compared; [@F2] and [@T2] show the panel countries of each region with their share of its population.

## Chapter II, "Levels in the latest year" (N2, N6).

# $units: units with data in the last year; $kidnappings: their total; $combined_rate,
# $median_rate: rates per 100,000; $min_rate, $max_rate: the lowest and highest rate among units
# of at least $population_floor inhabitants, $min_country, $max_country a unit with it and
# $min_many, $max_many whether several share it ($min_ties, $max_ties of them).
n2-levels = In { $last_year }, { NUM($units) } { NUMBER($units) ->
    [one] country or area
   *[other] countries and areas
} recorded { NUMBER($kidnappings) ->
    [0] no kidnappings
    [one] a total of { NUM($kidnappings) } kidnapping
   *[other] a total of { NUM($kidnappings) } kidnappings
}, a combined rate of { RATE($combined_rate) } per 100,000 population; the median rate was { RATE($median_rate) }. Among countries and areas with at least { FIGURE($population_floor) } inhabitants, rates ranged from { RATE($min_rate) } per 100,000 in { $min_many ->
    [true] { NUM($min_ties) } countries and areas (among them { $min_country })
   *[false] { $min_country }
} to { RATE($max_rate) } in { $max_many ->
    [true] { NUM($max_ties) } countries and areas (among them { $max_country })
   *[false] { $max_country }
} (see [@F4], [@F5] and [@T3]).
# When no unit has data for the last year.
n2-no-data = No country or area has kidnapping data for { $last_year }.
# $units: the units with most kidnappings, $countries: their names; $share: their share of all
# ($total) kidnappings recorded in the last year.
n6-concentration = Kidnappings are concentrated: in { $last_year }, { NUM($units) } { NUMBER($units) ->
    [one] country or area
   *[other] countries and areas
} ({ $countries }) accounted for { PERCENT($share) } of the { NUM($total) } { NUMBER($total) ->
    [one] kidnapping
   *[other] kidnappings
} recorded (see [@T4]).

## Chapter II, "Change by country or area" (N4, N7).

# The mean rate of the first period ($p1_from–$p1_to) against the second's: $up, $down, $stable
# units (one series: printed alike), of $compared with data in both; $with_break of them with a
# series break; $stable_band (0–1).
n4-change = Comparing the mean rate of { $p1_from }–{ $p1_to } with that of { $p2_from }–{ $p2_to }, the rate rose in { NUM($up, $down, $stable, role: "alone") }, fell in { NUM($down, $up, $stable, role: "alone") } and stayed within ±{ PERCENT($stable_band) } in { NUM($stable, $up, $down, role: "alone") } of the { NUM($compared) } { NUMBER($compared) ->
    [one] country or area
   *[other] countries and areas
} with data in both periods{ NUMBER($with_break) ->
    [0] { "" }
   *[other] { " " }({ NUM($with_break) } of them with a series break, included here)
} (see [@F6], [@F7], [@F8] and [@T5]).
# $confirmed: series with a confirmed break in the window.
n7-breaks = { NUMBER($confirmed) ->
    [0] No series shows a definitional or recording break between { $first_year } and { $last_year }.
    [one] { NUM($confirmed, position: "start") } series shows a likely definitional or recording break between { $first_year } and { $last_year } (the rate doubling or halving and staying there); it is excluded from the trend aggregates and listed in [@T7].
   *[other] { NUM($confirmed, position: "start") } series show a likely definitional or recording break between { $first_year } and { $last_year } (the rate doubling or halving and staying there); they are excluded from the trend aggregates and listed in [@T7].
}
# Follows n7-breaks when $possible jumps (in the last year) still need the next year's data.
n7-possible = { NUM($possible, position: "start") } further { NUMBER($possible) ->
    [one] jump awaits a following year to confirm it
   *[other] jumps await a following year to confirm them
}.

## Chapter II, "Revisions, sources and data quality" (R1, N8) and its closing paragraph.

# Against the previous release (its date or id $previous_release): $added and $removed
# country-years (one series); $counts_revised counts revised ($counts_large by more than
# $threshold_percent per cent), $rates_revised rates ($rates_large): one series of four.
r1-revisions = Since the previous release ({ DATE($previous_release) }), { NUM($added, $removed) } { NUMBER($added) ->
    [one] country-year was
   *[other] country-years were
} added and { NUM($removed, $added, role: "alone") } removed; { NUM($counts_revised, $counts_large, $rates_revised, $rates_large) } { NUMBER($counts_revised) ->
    [one] count was
   *[other] counts were
} revised ({ NUM($counts_large, $counts_revised, $rates_revised, $rates_large, role: "alone") } by more than { PLAIN($threshold_percent) } per cent, listed in [@T8]) and { NUM($rates_revised, $counts_revised, $counts_large, $rates_large) } { NUMBER($rates_revised) ->
    [one] rate
   *[other] rates
} ({ NUM($rates_large, $counts_revised, $counts_large, $rates_revised, role: "alone") } by more than { PLAIN($threshold_percent) } per cent), mostly through revised population estimates.
# The data consulted besides the current release: $consulted is earlier (earlier releases
# only), other (other publications only) or both.
n8-consulted = Besides the current release, the data consulted include { $consulted ->
    [earlier] { n8-earlier }
    [other] { n8-other }
   *[both] { n8-earlier } and { n8-other }
}.
# Part of n8-consulted: $earlier releases of the same data, the earliest dated $first_release.
n8-earlier = { NUM($earlier) } earlier { NUMBER($earlier) ->
    [one] release
   *[other] releases
} of the UN-CTS data (the earliest of { DATE($first_release) })
# Part of n8-consulted: $other_sources other publications.
n8-other = { NUM($other_sources) } other { NUMBER($other_sources) ->
    [one] publication
   *[other] publications
} of kidnapping figures, compared with the current release in [@T9]
# Source rows set aside ($quarantined), published rates flagged ($rate_mismatch, more than
# $tolerance_percent per cent off) and counts flagged ($implausible_jump, changing more than
# $jump_factor-fold): one series of three.
n8-quality = Quality rules ([@T10]) set aside { NUM($quarantined, $rate_mismatch, $implausible_jump) } source { NUMBER($quarantined) ->
    [one] row
   *[other] rows
} and flagged { NUM($rate_mismatch, $quarantined, $implausible_jump) } published { NUMBER($rate_mismatch) ->
    [one] rate
   *[other] rates
} more than { PLAIN($tolerance_percent) } per cent away from count ÷ population and { NUM($implausible_jump, $quarantined, $rate_mismatch) } { NUMBER($implausible_jump) ->
    [one] count
   *[other] counts
} changing more than { FOLD($jump_factor) } from one year to the next.
# Sub-national units: $case is orphans (reporting without their country in $orphans
# country-years), both (also alongside it in $doubles), doubles (only alongside it) or none.
n8-subnational = { $case ->
    [orphans] Sub-national units report on their own in { NUM($orphans, $doubles) } { NUMBER($orphans) ->
        [one] country-year
       *[other] country-years
    } (their country does not report; they are shown as units, never summed into a national figure).
    [both] Sub-national units report on their own in { NUM($orphans, $doubles) } { NUMBER($orphans) ->
        [one] country-year
       *[other] country-years
    } (their country does not report; they are shown as units, never summed into a national figure) and alongside their country in { NUM($doubles, $orphans, role: "alone") } (left out of every aggregate).
    [doubles] Sub-national units report alongside their country in { NUM($doubles, $orphans) } { NUMBER($doubles) ->
        [one] country-year
       *[other] country-years
    } (left out of every aggregate) and never on their own.
   *[none] No sub-national unit reports on its own or alongside its country.
}
# The closing paragraph of chapter II; [^definition] is its footnote (n-definition).
n-caveat = These figures are offences recorded by the police, not a measure of how many kidnappings occur: many kidnappings are never reported, and national legal definitions and counting rules differ (some countries include forcible confinement or parental abduction).[^definition] Rates are therefore not comparable across countries, and changes over time may reflect changes in reporting and recording as well as in crime.
# Footnote to n-caveat: the definition of kidnapping.
n-definition = Kidnapping as the UN-CTS defines it (International Classification of Crime for Statistical Purposes, code 020221): unlawfully detaining a person or persons against their will (including through the use of force, threat, fraud or enticement) for the purpose of demanding for their liberation an illicit gain or any other economic gain or other material benefit, or in order to oblige someone to do or not to do something. Disputes over child custody are excluded; attempts are included.

## The Summary (summary.md).

# The mandate and what the report covers.
summary-mandate = The present report is submitted pursuant to paragraph 10 of Economic and Social Council resolution 2009/24 on international cooperation to prevent, combat and eliminate kidnapping and to provide assistance to victims of kidnapping. It reviews the kidnappings recorded by the police that Member States reported to the United Nations Surveys on Crime Trends and the Operations of Criminal Justice Systems for the years { $first_year }–{ $last_year }.
# The headline levels: $units, $kidnappings, $combined_rate as in n2-levels.
summary-levels = In { $last_year }, { NUM($units) } { NUMBER($units) ->
    [one] country or area
   *[other] countries and areas
} recorded { NUMBER($kidnappings) ->
    [0] no kidnappings
    [one] a total of { NUM($kidnappings) } kidnapping
   *[other] a total of { NUM($kidnappings) } kidnappings
}, a combined rate of { RATE($combined_rate) } per 100,000 population.
# Follows summary-levels: the panel's trend ($panel_n units; $direction rose, fell or stable;
# $change 0–1).
summary-trend = In the { NUM($panel_n) } { NUMBER($panel_n) ->
    [one] country or area
   *[other] countries and areas
} that reported in every year, the combined rate { $direction ->
    [rose] rose by { PERCENT($change) }
    [fell] fell by { PERCENT($change) }
   *[stable] remained broadly stable
} between { $first_year } and { $last_year }.
# When no unit has data for the last year.
summary-no-data = No country or area has kidnapping data for { $last_year }.
# The caveat closing the Summary.
summary-caveat = The figures are offences recorded by the police: they do not measure how many kidnappings occur, and national definitions differ, so rates are not comparable across countries.
