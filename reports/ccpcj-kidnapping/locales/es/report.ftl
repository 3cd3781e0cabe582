### Las palabras de los gráficos y cuadros del informe (report.yaml), en español.
### Traducción provisional, no revisada por los servicios lingüísticos de las Naciones Unidas.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Sigue el original inglés (locales/en/report.ftl): mismos identificadores, atributos y
### variables. Cada mensaje recibe los parámetros del pipeline ($first_year, $last_year, $p1_from,
### $p1_to, $p2_from, $p2_to, $population_floor, …), sus ajustes de calidad
### ($rate_mismatch_tolerance, $implausible_jump_factor, …), $latest_from (primer año del "último
### año disponible") y el nombre que el documento da a cada gráfico y cuadro ($F2 imprime
### "gráfico II", $T10 el cuadro 10 del anexo). El texto de una fila recibe también los valores de
### la fila. Los números se imprimen mediante una función que dice qué son (NUM, FIGURE, RATE,
### PERCENT, PLAIN, DECIMALS; un año tal cual): README, "Catalogues". PERCENT imprime el signo
### ("12,5%"); FOLD solo existe en inglés: aquí "se multiplica o se divide por { PLAIN($x) }".

# Título del informe (encabezamiento y título HTML).
report-title = Tendencias de los secuestros registrados por la policía, { $first_year }–{ $last_year }

## Títulos de los capítulos del documento.

# Título del capítulo I.
chapter-introduction = Introducción
# Título del capítulo II: el capítulo estadístico.
chapter-trends = Tendencias de los secuestros registrados por la policía
# Título del capítulo III.
chapter-measures = Medidas comunicadas por los Estados Miembros
# Título del capítulo IV.
chapter-assistance = Asistencia técnica prestada por la Oficina de las Naciones Unidas contra la Droga y el Delito
# Título del capítulo V.
chapter-conclusions = Conclusiones y recomendaciones

## Gráficos: el título es el mensaje; .subtitle (la línea de unidades), .axis (el eje de valores),
## .note-1, .note-2 … (las notas al pie del gráfico).

# Gráfico F1: barras apiladas de unidades declarantes por año, un segmento por región.
F1 = Países y zonas que comunicaron datos sobre secuestros, por región, { $first_year }–{ $last_year }
    .subtitle = Número de unidades declarantes con un recuento registrado por la policía
    .axis = Países y zonas
    .note-1 = Las unidades subnacionales (Inglaterra y Gales, Escocia, Irlanda del Norte, Iraq central) se cuentan como unidades separadas.

# Gráfico F2: líneas de la tasa agregada del panel por región. $min_countries: número mínimo de
# unidades del panel que necesita una región.
F2 = Tasa de secuestros en un panel constante de países, por región, { $first_year }–{ $last_year }
    .subtitle = Secuestros por cada 100.000 habitantes (Σ recuento ÷ Σ población)
    .axis = Tasa por cada 100.000 habitantes
    .note-1 = Panel constante: unidades con datos en todos los años del período { $first_year }–{ $last_year } y sin ruptura de serie. No se muestran las regiones con menos de { NUM($min_countries) } unidades en el panel.
    .note-2 = Las proporciones de población corresponden a { $last_year } y se calculan sobre la población de los miembros de la región (del mundo) según la norma M49. Los agregados abarcan únicamente las unidades del panel; no se imputan valores.

# Leyenda de una línea de F2 y F3: el panel entero ($series_order 1) o una región ($series, su
# nombre, sin artículo); $panel_n: sus unidades del panel; $population_share: la proporción de
# la población que abarcan (0–1).
panel-series = { NUMBER($series_order) ->
    [1] Todos los países del panel ({ PLAIN($panel_n) }, { PERCENT($population_share, decimals: 0) } de la población mundial)
   *[other] { $series } ({ PLAIN($panel_n) } { NUMBER($panel_n) ->
        [one] país
       *[other] países
    }, { PERCENT($population_share, decimals: 0) } de la población)
}

# Gráfico F3: las tasas de F2 como índice, primer año = 100.
F3 = Índice de la tasa de secuestros en el panel constante, por región, { $first_year }–{ $last_year }
    .subtitle = Tasa agregada del { $F2 }, { $first_year } = 100
    .axis = Índice ({ $first_year } = 100)
    .note-1 = Mismo panel y misma regla de cobertura que en el { $F2 }. Un índice solo muestra la variación relativa: regiones con niveles muy diferentes pueden tener el mismo índice.

# Gráfico F4: un punto por país en un eje logarítmico, una fila por región, con la mediana regional marcada.
F4 = Tasas de secuestro por región, último año disponible ({ $latest_from }–{ $last_year })
    .subtitle = Secuestros por cada 100.000 habitantes, un punto por país o zona (escala logarítmica); barra = mediana regional
    .axis = Tasa por cada 100.000 habitantes (escala logarítmica)
    .note-1 = Se muestran todas las unidades declarantes, cualquiera que sea su población. Las medianas se calculan sobre las tasas de las unidades, sin ponderar por población. Las definiciones nacionales difieren.

# Gráfico F5: barras ordenadas de las tasas más altas. $top_n_chart: barras mostradas;
# $small_count: recuento por debajo del cual la tasa se marca con †; $population_floor:
# habitantes que necesita una unidad para figurar en la clasificación.
F5 = Tasas de secuestro más altas, último año disponible ({ $latest_from }–{ $last_year })
    .subtitle = Secuestros por cada 100.000 habitantes; las { NUM($top_n_chart) } tasas más altas
    .axis = Tasa por cada 100.000 habitantes
    .note-1 = Se indica el año cuando los datos más recientes son anteriores a { $last_year }. †: menos de { FIGURE($small_count) } secuestros. No se clasifican los países y zonas con menos de { FIGURE($population_floor) } habitantes.
    .note-2 = Las definiciones nacionales difieren: las tasas no son comparables entre países.

# Gráfico F6: una "pesa" por país, de la tasa media del primer período a la del segundo;
# .start-name y .end-name son la leyenda de los dos extremos. "b" marca una ruptura de serie.
F6 = Tasa media de secuestros, { $p1_from }–{ $p1_to } y { $p2_from }–{ $p2_to }, por país o zona
    .subtitle = Secuestros por cada 100.000 habitantes; ordenados por variación relativa, empezando por el mayor aumento
    .axis = Tasa por cada 100.000 habitantes
    .start-name = Media { $p1_from }–{ $p1_to }
    .end-name = Media { $p2_from }–{ $p2_to }
    .note-1 = Para calcular la media de un período se necesitan al menos dos años de datos en ese período. b: ruptura de serie en { $first_year }–{ $last_year } (la unidad se mantiene, marcada). No se muestran los países y zonas con menos de { FIGURE($population_floor) } habitantes.

# Gráfico F7: múltiplos pequeños, un recuadro por país. $multiples: recuadros mostrados.
F7 = Tasas de secuestro en los { NUM($multiples) } países y zonas con más secuestros en { $last_year }
    .subtitle = Secuestros por cada 100.000 habitantes, con la media móvil trienal centrada; cada recuadro tiene su propia escala
    .axis = Tasa por cada 100.000 habitantes
    .note-1 = La media móvil solo se muestra cuando los tres años tienen datos; pueden utilizarse los años inmediatamente anteriores o posteriores a { $first_year }–{ $last_year }. Línea de puntos: ruptura de serie. No se seleccionan los países y zonas con menos de { FIGURE($population_floor) } habitantes.

# Gráfico F8: barras apiladas por región de las unidades cuya tasa aumentó, se mantuvo estable o
# disminuyó. $stable_band: la banda de "estable" (0–1).
F8 = Dirección de la variación de las tasas de secuestro entre { $p1_from }–{ $p1_to } y { $p2_from }–{ $p2_to }, por región
    .subtitle = Número de países y zonas cuya tasa media aumentó, se mantuvo dentro de ±{ PERCENT($stable_band) } o disminuyó
    .axis = Países y zonas
    .note-1 = Se incluyen las unidades con ruptura de serie. Una tasa media de cero en el primer período se cuenta como aumento si la del segundo es superior a cero.

# Leyenda de un segmento de F8: $direction es el código Up, Stable o Down (no traducir las claves).
F8-series = { $direction ->
    [Up] Al alza
    [Stable] Estable
   *[other] A la baja
}

## Cuadros: el título es el mensaje; .note-1, .note-2 … las notas al pie; los encabezamientos de
## columna son los atributos de <cuadro>-columns, según la columna de la consulta que encabezan.

# Cuadro T1: unidades declarantes y unidades del panel por región.
T1 = Disponibilidad de datos sobre secuestros, por región, { $first_year }–{ $last_year }
    .note-1 = Países o zonas: miembros de la región según la norma M49 de las Naciones Unidas. Las unidades declarantes incluyen unidades subnacionales (Inglaterra y Gales, Escocia, Irlanda del Norte, Iraq central) y Kosovo (en el contexto de la resolución 1244 (1999) del Consejo de Seguridad), que no tienen código M49 y no se cuentan como miembros.
    .note-2 = Población abarcada: población de las unidades con un recuento en { $last_year } como proporción de la población de los miembros M49 de la región (Banco Mundial).
# Encabezamientos de columna del cuadro T1.
T1-columns =
    .region = Región
    .countries = Países o zonas
    .reporting = Con datos de al menos un año
    .panel = En el panel constante
    .population_share = Población abarcada en { $last_year } (porcentaje)
# Celda de región de T1: $region es el nombre de la región, o el código Total en la última fila.
T1-region = { $region ->
    [Total] Total
   *[other] { $region }
}

# Cuadro T2: tasas del panel por región. $min_countries: número mínimo de unidades del panel que
# necesita una región.
T2 = Tasas de secuestro en el panel constante, por región, { $first_year } y { $last_year }
    .note-1 = Tasas por cada 100.000 habitantes = Σ recuento ÷ Σ población × 100.000 en las unidades del panel. Proporción de la población: población de las unidades del panel en { $last_year } respecto de la de los miembros M49 de la región (del mundo). Crecimiento anual: tasa compuesta entre { $first_year } y { $last_year }; pendiente: recta de mínimos cuadrados ajustada a las tasas agregadas anuales.
    .note-2 = “..”: menos de { NUM($min_countries) } unidades en el panel; no se muestra ningún agregado.
# Encabezamientos de columna del cuadro T2.
T2-columns =
    .region = Región
    .panel_n = Unidades del panel
    .population_share = Proporción de la población (porcentaje)
    .rate_first = Tasa { $first_year }
    .rate_last = Tasa { $last_year }
    .change = Variación (porcentaje)
    .cagr = Crecimiento anual (porcentaje)
    .slope = Pendiente (tasa por año)
    .median_rate = Tasa mediana por unidad, { $last_year }
# Celda de región de T2: el panel entero ($row_order 1) o una región ($region, su nombre).
T2-region = { NUMBER($row_order) ->
    [1] Todos los países del panel
   *[other] { $region }
}

# Cuadro T3: las tasas más altas. P1 y P2 son los dos períodos comparados.
T3 = Tasas de secuestro más altas, último año disponible
    .note-1 = Último año: año más reciente con datos en { $latest_from }–{ $last_year }. Tasas por cada 100.000 habitantes publicadas por la UNODC. Media trienal: el último año y los dos anteriores (se necesitan los tres).
    .note-2 = Variación: tasa media de { $p2_from }–{ $p2_to } respecto de la tasa media de { $p1_from }–{ $p1_to } (cada una requiere al menos dos años).
    .note-3 = No se clasifican los países y zonas con menos de { FIGURE($population_floor) } habitantes. Las definiciones nacionales difieren: las tasas no son comparables entre países.
# Encabezamientos de columna del cuadro T3.
T3-columns =
    .rank = Puesto
    .country = País o zona
    .region = Región
    .year = Año
    .count = Secuestros
    .rate = Tasa
    .average_3y = Tasa media trienal
    .change = Variación P1→P2 (porcentaje)

# Cuadro T4: los recuentos más altos.
T4 = Mayores números de secuestros registrados, último año disponible
    .note-1 = Proporción: recuento de la unidad en el último año respecto de la suma de los recuentos del último año de todas las unidades declarantes. No se clasifican los países y zonas con menos de { FIGURE($population_floor) } habitantes.
# Encabezamientos de columna del cuadro T4.
T4-columns =
    .rank = Puesto
    .country = País o zona
    .year = Año
    .count = Secuestros
    .rate = Tasa
    .share = Proporción del total registrado (porcentaje)

# Cuadro T5: los mayores aumentos y disminuciones entre los dos períodos.
T5 = Mayores aumentos y disminuciones de la tasa media de secuestros, de { $p1_from }–{ $p1_to } a { $p2_from }–{ $p2_to }
    .note-1 = Solo unidades con un promedio de al menos { FIGURE($small_count) } secuestros al año en { $p1_from }–{ $p1_to } y al menos { FIGURE($population_floor) } habitantes. b: ruptura de serie (la unidad se mantiene, marcada).
# Encabezamientos de columna del cuadro T5 (la primera columna, que indica aumento o disminución, no tiene).
T5-columns =
    .kind = { "" }
    .rank = Puesto
    .country = País o zona
    .region = Región
    .p1_mean = Tasa media { $p1_from }–{ $p1_to }
    .p2_mean = Tasa media { $p2_from }–{ $p2_to }
    .change = Variación (porcentaje)
    .flag = Marca
# Primera celda de una fila de T5: $kind es el código Increase o Decrease.
T5-kind = { $kind ->
    [Increase] Aumento
   *[other] Disminución
}

# Cuadro T6 (anexo): todos los países-año.
T6 = Secuestros registrados y tasa por cada 100.000 habitantes, por país o zona y año, { $first_year }–{ $last_year }
    .note-1 = Variación respecto del año anterior: solo cuando el año anterior tiene datos (no se compara a través de un año sin datos), su tasa es superior a cero y su recuento es de al menos { FIGURE($small_count) }; en caso contrario, “..”.
    .note-2 = Marcas: b ruptura de serie; e estimación (el recuento no es un número entero). Una raya (–) indica cero; dos puntos (..) indican que no se dispone del dato.
# Encabezamientos de columna del cuadro T6.
T6-columns =
    .country = País o zona
    .year = Año
    .count = Secuestros
    .rate = Tasa
    .yoy = Variación respecto del año anterior (porcentaje)
    .flags = Marcas

# Cuadro T7 (anexo): rupturas de serie e incoherencias de las tasas. $break_ratio,
# $break_min_count, $break_hold: los ajustes de la regla de ruptura.
T7 = Rupturas de serie y notas sobre la calidad de los datos, { $first_year }–{ $last_year }
    .note-1 = Regla de ruptura: la tasa { NUMBER($break_ratio) ->
        [2] al menos se duplica o se reduce a la mitad
       *[other] se multiplica o se divide por { PLAIN($break_ratio) } o más
    } respecto del año anterior (cuenta también el paso a cero o desde cero), con al menos { FIGURE($break_min_count) } casos, y al año siguiente se mantiene dentro de un margen del { PERCENT($break_hold) }. Regla de coherencia: tasa publicada que se aleja más de un { PERCENT($rate_mismatch_tolerance) } del recuento ÷ población del Banco Mundial × 100.000 (la tolerancia de la verificación de coherencia del { $T10 }).
    .note-2 = Tratamiento: una ruptura confirmada posterior a { $first_year } excluye la unidad del panel constante y, por tanto, de los agregados de tendencia ({ $F2 } y { $F3 }, { $T2 }); un salto en { $first_year } no la excluye, ya que todo el período está en el nuevo nivel; una posible ruptura no cambia nada. Se marca con b el año en el { $T6 } (y en el { $F7 }), y la variación entre períodos en el { $F6 } y el { $T5 }. Los niveles, las clasificaciones y las comparaciones entre períodos conservan las unidades con rupturas.
# Encabezamientos de columna del cuadro T7.
T7-columns =
    .country = País o zona
    .year = Año
    .change = Observación
    .rule = Regla
    .treatment = Tratamiento
# Lo que T7 observó: un salto ($kind_order 0: la tasa y el recuento del año anterior y del año)
# o una tasa publicada frente a la calculada ($kind_order 1; $gap_per_cent: la diferencia).
T7-change = { NUMBER($kind_order) ->
    [0] tasa { DECIMALS($prev_rate, places: 2) } → { DECIMALS($rate, places: 2) } (recuento { DECIMALS($prev_count, places: 0) } → { DECIMALS($count, places: 0) })
   *[other] publicada { DECIMALS($rate, places: 2) }, calculada { DECIMALS($computed_rate, places: 2) } (diferencia del { DECIMALS($gap_per_cent, places: 1) }%)
}
# La regla de una fila de T7: la verificación de coherencia ($kind_order 1), o una ruptura
# confirmada o posible ($status: confirmed o possible; no traducir las claves).
T7-rule = { NUMBER($kind_order) ->
    [1] Tasa incoherente con el recuento y la población del Banco Mundial (> { PERCENT($rate_mismatch_tolerance, exact: 1) })
   *[other] { $status ->
        [confirmed] Ruptura de serie (la tasa se duplicó o se redujo a la mitad y se mantuvo)
       *[other] Posible ruptura de serie (sin datos del año siguiente)
    }
}
# Situación de una unidad de T7 respecto del panel: $panel_state es in_panel, out_by_break (su
# ruptura en $first_break la excluye), lacks_data o country_reports.
T7-state = { $panel_state ->
    [in_panel] la unidad permanece en el panel y en sus agregados de tendencia
    [out_by_break] la unidad queda fuera del panel por su ruptura en { $first_break }
    [lacks_data] la unidad no está en el panel por falta de datos en algún año
   *[country_reports] la unidad no está en el panel: su país también informa en algún año
}
# Lo que se hizo con una fila de T7. $case: check (un resultado de la verificación de
# coherencia), excluded (la ruptura que excluye la unidad), already (una ruptura posterior de una
# unidad ya excluida), first_year (un salto en el primer año), unconfirmed; luego si el año se
# marca con b en el cuadro T6 ($status confirmed) y si se marca la variación entre períodos
# ($first_break ausente: no).
T7-treatment = { $case ->
    [check] Se mantiene la tasa publicada; la diferencia puede deberse a otra estimación de la población o al redondeo
   *[other] { $case ->
        [excluded] Unidad excluida del panel y de sus agregados de tendencia
        [already] Serie ya excluida del panel por su ruptura en { $first_break }
        [first_year] Salto en { $year }, el primer año: no es una ruptura dentro del período; { T7-state }
       *[unconfirmed] Ruptura no confirmada: { T7-state }
    }; { $status ->
        [confirmed] año { $year } marcado con b
       *[other] sin marca b
    }, variación entre períodos { NUMBER($first_break) ->
        [none] sin marca
       *[other] marcada con b
    }
}

# Cuadro T8 (anexo): revisiones desde la edición anterior. $revision_threshold (0–1).
T8 = Cambios desde la edición anterior: recuentos revisados en más de un { PERCENT($revision_threshold) } y países-año eliminados
    .note-1 = Comparación por código de país, año y unidad de medida (los nombres cambian de una edición a otra). Las tasas se revisan con mucha más frecuencia que los recuentos, sobre todo porque se revisan las estimaciones de población.
# Encabezamientos de columna del cuadro T8.
T8-columns =
    .country = País o zona
    .year = Año
    .old_count = Edición anterior
    .new_count = Esta edición
    .change = Revisión (porcentaje)
    .status = Estado
# Celda de estado de T8: $status es el código revised o removed (un país-año: masculino).
T8-status = { $status ->
    [removed] eliminado
   *[revised] revisado
}

# Cuadro T9 (anexo): otras publicaciones de las mismas estadísticas comparadas con esta edición.
T9 = Las mismas estadísticas en otras publicaciones, comparadas con esta edición
    .note-1 = Comparación por país, año y medida. Coincidentes: recuentos iguales; tasas iguales una vez redondeada la tasa de esta edición como la redondea la otra publicación (con una diferencia de hasta la mitad de su última cifra: 0,05 con un decimal, 0,005 con dos). Las diferencias son absolutas (secuestros o puntos de tasa). Una raya (–) indica cero.
    .note-2 = Los microdatos (registros por municipio o estado, mes, sexo o edad) se suman por país y año. Otras publicaciones pueden contar otra unidad (por ejemplo, víctimas en lugar de delitos): una diferencia no es necesariamente un error.
# Encabezamientos de columna del cuadro T9.
T9-columns =
    .source = Otra publicación
    .measure = Medida
    .first_year = Desde
    .last_year = Hasta
    .units = Países y zonas
    .country_years = Países-año
    .in_both = También en esta edición
    .agree = Coincidentes
    .median_gap = Diferencia mediana
    .max_gap = Diferencia máxima
# Celda de medida de T9: $unit es el código count o rate.
T9-measure = { $unit ->
    [count] Secuestros
   *[other] Tasa por cada 100.000
}

# Cuadro T10 (anexo): las reglas de calidad de los datos y sus resultados.
T10 = Reglas y verificaciones de la calidad de los datos
    .note-1 = Las reglas de fila se aplican a cada fila de la fuente al leerla: la fila que no las cumple se aparta, con su motivo, y no se utiliza. Las verificaciones abarcan todos los años de la edición principal, no solo { $first_year }–{ $last_year }; señalan un dato sin modificarlo. Cada resultado figura, con su país o zona y año, en los archivos de datos publicados con el presente informe. Una raya (–) indica cero.
# Encabezamientos de columna del cuadro T10 (la primera columna, que indica regla o verificación, no tiene).
T10-columns =
    .kind = { "" }
    .description = Regla
    .findings = Filas o países-año señalados
    .spread = Fuentes o unidades afectadas
# Primera celda de una fila de T10: $kind es el código row_rule o check.
T10-kind = { $kind ->
    [row_rule] Regla de fila
   *[other] Verificación
}
# Qué es una regla o verificación de T10, según su código $rule; $rate_mismatch_tolerance (0–1),
# $implausible_jump_factor y $implausible_jump_min_count son sus ajustes.
T10-description = { $rule ->
    [bad_value] Celda que no contiene lo que corresponde a su columna (fila apartada)
    [negative_value] Recuento o tasa negativos (fila apartada)
    [duplicate] El mismo país, año y unidad dos veces (fila apartada)
    [unknown_code] Código o nombre de país que no figura en ninguna tabla de referencia (fila apartada)
    [rate_mismatch] Tasa publicada que se aleja más de un { PERCENT($rate_mismatch_tolerance, exact: 1) } del recuento ÷ población del Banco Mundial × 100.000
    [implausible_jump] Recuento que se multiplica o se divide por más de { PLAIN($implausible_jump_factor) } de un año al siguiente (al menos { PLAIN($implausible_jump_min_count) } en uno de los dos años)
    [subnational_without_national] Unidad subnacional que informa en un año en que su país no lo hace (se muestra como unidad propia)
   *[other] Unidad subnacional que informa en un año en que su país también lo hace (excluida de los agregados)
}
