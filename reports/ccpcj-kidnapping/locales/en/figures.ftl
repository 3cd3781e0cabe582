### The figures' own words, English: the original. A figure's alternative text (what a screen
### reader says for the drawing; it also stands under the figure in report.md) and the headings
### of the data table beside it. $title is the figure's title, $measure its value axis in lower
### case; numbers arrive printed, except counts and years (printed as digits).

# Alt text of a figure without data.
figure-no-data = { $title }. No data.
# Alt text of ranked bars: $n bars; the highest ($hi_label, value $hi) and the lowest shown.
figure-bars = { $title }. Horizontal bars ranking { $n } countries or areas by { $measure }: highest { $hi_label } ({ $hi }), lowest shown { $lo_label } ({ $lo }).
# Alt text of a dumbbell chart: $n units, each with its $start and $end values ($start and $end
# are the legend names of the two periods); $up of them higher, $down lower; $first, the unit
# shown first ($has_first: yes or no).
figure-dumbbell = { $title }. For { $n } countries and areas, { $start } and { $end } joined by a line: { $up } higher in the second period, { $down } lower{ $has_first ->
    [yes] ; largest rise first ({ $first })
   *[no] { "" }
}.
# Alt text of dots on a log axis, one row per group; $groups: the figure-strip-group texts
# joined by "; ".
figure-strip = { $title }. Dots of { $measure } on a logarithmic scale, one row per group. { $groups }.
# One group of figure-strip: $group, its $n units, its $median, its lowest value $lo (unit
# $lo_label) and highest $hi ($hi_label).
figure-strip-group = { $group }: { $n } units, median { $median }, from { $lo } ({ $lo_label }) to { $hi } ({ $hi_label })
# Alt text of small multiples: $n small charts; $panels, the figure-multiples-panel texts joined
# by "; ".
figure-multiples = { $title }. { $n } small line charts of { $measure }: { $panels }.
# One small chart of figure-multiples: unit $name from its $first to its $last value; $break:
# yes when its series has a break.
figure-multiples-panel = { $name } from { $first } to { $last }{ $break ->
    [yes] , series break
   *[no] { "" }
}
# Alt text of stacked bars by category ($x, the query column of the categories); $totals: each
# category's segments.
figure-stacked-categories = { $title }. Stacked bars of { $measure } by { $x }: { $totals }.
# Alt text of stacked bars by year, $first–$last, one segment per series ($series, the names);
# the highest total $hi in $hi_year and the lowest $lo in $lo_year.
figure-stacked-years = { $title }. Stacked bars of { $measure } by year, { $first }–{ $last }, split by { $series }. Total highest { $hi } in { $hi_year }, lowest { $lo } in { $lo_year }.
# Alt text of lines by year, $first–$last; $parts: the figure-line texts joined by "; ".
figure-lines = { $title }. Lines of { $measure } by year, { $first }–{ $last }. { $parts }.
# One line of figure-lines: series $name from $from to $to, its highest $hi in $hi_year and its
# lowest $lo in $lo_year.
figure-line = { $name }: from { $from } to { $to }, highest { $hi } ({ $hi_year }), lowest { $lo } ({ $lo_year })
# The data table beside a figure: .title ($number, the figure's number in figures), and the
# headings of its columns.
figure-data =
    .title = Data for figure { $number }
    .country = Country or area
    .year = Year
    .note = Note
    .flag = Flag
    .group = Group
    .moving-average = 3-year moving average
    .break = Break
# What a chart draws itself: the notice of an empty chart, of an empty small chart, a bar
# without a value; the legend of the small multiples (rate, moving average, series break) and
# of the dumbbell chart (increase, decrease, no change).
figure-chart =
    .no-data = No data to show
    .no-data-short = No data
    .no-value = no data
    .rate = Rate
    .moving-average = 3-year moving average
    .series-break = Series break
    .increase = Increase
    .decrease = Decrease
    .no-change = No change
