### Собственные слова диаграмм (альтернативный текст, таблица данных), русский.
### Предварительный перевод, не проверенный лингвистическими службами Организации Объединенных Наций.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Следует английскому оригиналу (locales/en/figures.ftl).

# Alt text of a figure without data.
figure-no-data = { $title }. Данные отсутствуют.
# Alt text of ranked bars: $n bars; the highest ($hi_label, value $hi) and the lowest shown.
figure-bars = { $title }. Горизонтальные столбцы, ранжирующие стран и территорий: { $n }; показатель: { $measure }; самый высокий — { $hi_label } ({ $hi }), самый низкий из показанных — { $lo_label } ({ $lo }).
# Alt text of a dumbbell chart: $n units, each with its $start and $end values; $up of them
# higher, $down lower; $first, the unit shown first ($has_first: yes or no).
figure-dumbbell = { $title }. Стран и территорий: { $n }; значения «{ $start }» и «{ $end }» соединены линией; выше во втором периоде: { $up }, ниже: { $down }{ $has_first ->
    [yes] ; первым показан наибольший рост ({ $first })
   *[no] { "" }
}.
# Alt text of dots on a log axis, one row per group; $groups: the figure-strip-group texts.
figure-strip = { $title }. Точки (показатель: { $measure }) на логарифмической шкале, по строке на группу. { $groups }.
# One group of figure-strip: $group, its $n units, its $median, lowest $lo ($lo_label), highest $hi ($hi_label).
figure-strip-group = { $group }: единиц — { $n }, медиана { $median }, от { $lo } ({ $lo_label }) до { $hi } ({ $hi_label })
# Alt text of small multiples: $n small charts; $panels, the figure-multiples-panel texts.
figure-multiples = { $title }. Малых линейных диаграмм: { $n }; показатель: { $measure }: { $panels }.
# One small chart of figure-multiples: $name from $first to $last; $break: yes when its series has a break.
figure-multiples-panel = { $name }: от { $first } до { $last }{ $break ->
    [yes] , разрыв ряда
   *[no] { "" }
}
# Alt text of stacked bars by category ($x, the query column of the categories).
figure-stacked-categories = { $title }. Столбцы с накоплением (показатель: { $measure }) по категориям ({ $x }): { $totals }.
# Alt text of stacked bars by year, $first–$last, one segment per series ($series).
figure-stacked-years = { $title }. Столбцы с накоплением (показатель: { $measure }) по годам, { $first }–{ $last }, с разбивкой: { $series }. Наибольший итог { $hi } в { $hi_year } году, наименьший { $lo } в { $lo_year } году.
# Alt text of lines by year, $first–$last; $parts: the figure-line texts.
figure-lines = { $title }. Линии (показатель: { $measure }) по годам, { $first }–{ $last }. { $parts }.
# One line of figure-lines: series $name from $from to $to, highest $hi in $hi_year, lowest $lo in $lo_year.
figure-line = { $name }: от { $from } до { $to }, максимум { $hi } ({ $hi_year }), минимум { $lo } ({ $lo_year })
# The data table beside a figure: .title ($number) and the headings of its columns.
figure-data =
    .title = Данные к диаграмме { $number }
    .country = Страна или территория
    .year = Год
    .note = Примечание
    .flag = Отметка
    .group = Группа
    .moving-average = Скользящее среднее за три года
    .break = Разрыв
# What a chart draws itself: the notice of an empty chart, of an empty small chart, a bar
# without a value; the legend of the small multiples (rate, moving average, series break) and
# of the dumbbell chart (increase, decrease, no change).
figure-chart =
    .no-data = Нет данных для отображения
    .no-data-short = Нет данных
    .no-value = нет данных
    .rate = Показатель
    .moving-average = Скользящее среднее за три года
    .series-break = Разрыв ряда
    .increase = Рост
    .decrease = Снижение
    .no-change = Без изменений
