### Las palabras propias de los gráficos (texto alternativo, cuadro de datos), español.
### Traducción provisional, no revisada por los servicios lingüísticos de las Naciones Unidas.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Sigue el original inglés (locales/en/figures.ftl).

# Alt text of a figure without data.
figure-no-data = { $title }. No hay datos.
# Alt text of ranked bars: $n bars; the highest ($hi_label, value $hi) and the lowest shown.
figure-bars = { $title }. Barras horizontales que ordenan { $n } países o zonas según { $measure }: el más alto { $hi_label } ({ $hi }), el más bajo representado { $lo_label } ({ $lo }).
# Alt text of a dumbbell chart: $n units, each with its $start and $end values; $up of them
# higher, $down lower; $first, the unit shown first ($has_first: yes or no).
figure-dumbbell = { $title }. Para { $n } países y zonas, { $start } y { $end } unidos por una línea: { $up } más altos en el segundo período, { $down } más bajos{ $has_first ->
    [yes] ; el mayor aumento primero ({ $first })
   *[no] { "" }
}.
# Alt text of dots on a log axis, one row per group; $groups: the figure-strip-group texts.
figure-strip = { $title }. Puntos de { $measure } en escala logarítmica, una fila por grupo. { $groups }.
# One group of figure-strip: $group, its $n units, its $median, lowest $lo ($lo_label), highest $hi ($hi_label).
figure-strip-group = { $group }: { $n } unidades, mediana { $median }, de { $lo } ({ $lo_label }) a { $hi } ({ $hi_label })
# Alt text of small multiples: $n small charts; $panels, the figure-multiples-panel texts.
figure-multiples = { $title }. { $n } pequeños gráficos de líneas de { $measure }: { $panels }.
# One small chart of figure-multiples: $name from $first to $last; $break: yes when its series has a break.
figure-multiples-panel = { $name } de { $first } a { $last }{ $break ->
    [yes] , ruptura de serie
   *[no] { "" }
}
# Alt text of stacked bars by category ($x, the query column of the categories).
figure-stacked-categories = { $title }. Barras apiladas de { $measure } por { $x }: { $totals }.
# Alt text of stacked bars by year, $first–$last, one segment per series ($series).
figure-stacked-years = { $title }. Barras apiladas de { $measure } por año, { $first }–{ $last }, divididas por { $series }. Total más alto { $hi } en { $hi_year }, más bajo { $lo } en { $lo_year }.
# Alt text of lines by year, $first–$last; $parts: the figure-line texts.
figure-lines = { $title }. Líneas de { $measure } por año, { $first }–{ $last }. { $parts }.
# One line of figure-lines: series $name from $from to $to, highest $hi in $hi_year, lowest $lo in $lo_year.
figure-line = { $name }: de { $from } a { $to }, máximo { $hi } ({ $hi_year }), mínimo { $lo } ({ $lo_year })
# The data table beside a figure: .title ($number) and the headings of its columns.
figure-data =
    .title = Datos del gráfico { $number }
    .country = País o zona
    .year = Año
    .note = Nota
    .flag = Marca
    .group = Grupo
    .moving-average = Media móvil trienal
    .break = Ruptura
# What a chart draws itself: the notice of an empty chart, of an empty small chart, a bar
# without a value; the legend of the small multiples (rate, moving average, series break) and
# of the dumbbell chart (increase, decrease, no change).
figure-chart =
    .no-data = No hay datos que mostrar
    .no-data-short = Sin datos
    .no-value = sin datos
    .rate = Tasa
    .moving-average = Media móvil trienal
    .series-break = Ruptura de serie
    .increase = Aumento
    .decrease = Disminución
    .no-change = Sin cambios
