### Les mots propres aux figures (texte de remplacement, tableau de données), français.
### Traduction provisoire, non revue par les services linguistiques de l'Organisation des Nations Unies.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Suit l'original anglais (locales/en/figures.ftl).

# Alt text of a figure without data.
figure-no-data = { $title }. Aucune donnée.
# Alt text of ranked bars: $n bars; the highest ($hi_label, value $hi) and the lowest shown.
figure-bars = { $title }. Barres horizontales classant { $n } pays ou territoires selon le { $measure } : le plus élevé { $hi_label } ({ $hi }), le plus bas représenté { $lo_label } ({ $lo }).
# Alt text of a dumbbell chart: $n units, each with its $start and $end values; $up of them
# higher, $down lower; $first, the unit shown first ($has_first: yes or no).
figure-dumbbell = { $title }. Pour { $n } pays et territoires, { $start } et { $end } reliés par un trait : { $up } en hausse sur la seconde période, { $down } en baisse{ $has_first ->
    [yes] ; la plus forte hausse en premier ({ $first })
   *[no] { "" }
}.
# Alt text of dots on a log axis, one row per group; $groups: the figure-strip-group texts.
figure-strip = { $title }. Points du { $measure } sur une échelle logarithmique, une ligne par groupe. { $groups }.
# One group of figure-strip: $group, its $n units, its $median, lowest $lo ($lo_label), highest $hi ($hi_label).
figure-strip-group = { $group } : { $n } unités, médiane { $median }, de { $lo } ({ $lo_label }) à { $hi } ({ $hi_label })
# Alt text of small multiples: $n small charts; $panels, the figure-multiples-panel texts.
figure-multiples = { $title }. { $n } petits graphiques linéaires du { $measure } : { $panels }.
# One small chart of figure-multiples: $name from $first to $last; $break: yes when its series has a break.
figure-multiples-panel = { $name } de { $first } à { $last }{ $break ->
    [yes] , rupture de série
   *[no] { "" }
}
# Alt text of stacked bars by category ($x, the query column of the categories).
figure-stacked-categories = { $title }. Barres empilées du { $measure } par { $x } : { $totals }.
# Alt text of stacked bars by year, $first–$last, one segment per series ($series).
figure-stacked-years = { $title }. Barres empilées du { $measure } par année, { $first }–{ $last }, réparties par { $series }. Total le plus élevé { $hi } en { $hi_year }, le plus bas { $lo } en { $lo_year }.
# Alt text of lines by year, $first–$last; $parts: the figure-line texts.
figure-lines = { $title }. Courbes du { $measure } par année, { $first }–{ $last }. { $parts }.
# One line of figure-lines: series $name from $from to $to, highest $hi in $hi_year, lowest $lo in $lo_year.
figure-line = { $name } : de { $from } à { $to }, maximum { $hi } ({ $hi_year }), minimum { $lo } ({ $lo_year })
# The data table beside a figure: .title ($number) and the headings of its columns.
figure-data =
    .title = Données de la figure { $number }
    .country = Pays ou territoire
    .year = Année
    .note = Note
    .flag = Marque
    .group = Groupe
    .moving-average = Moyenne mobile sur trois ans
    .break = Rupture
# What a chart draws itself: the notice of an empty chart, of an empty small chart, a bar
# without a value; the legend of the small multiples (rate, moving average, series break) and
# of the dumbbell chart (increase, decrease, no change).
figure-chart =
    .no-data = Aucune donnée à représenter
    .no-data-short = Aucune donnée
    .no-value = aucune donnée
    .rate = Taux
    .moving-average = Moyenne mobile sur trois ans
    .series-break = Rupture de série
    .increase = Hausse
    .decrease = Baisse
    .no-change = Sans changement
