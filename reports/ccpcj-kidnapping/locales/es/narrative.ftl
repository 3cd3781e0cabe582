### La narración calculada del capítulo II (narrative.j2) y el Resumen (summary.md), en español.
### Traducción provisional, no revisada por los servicios lingüísticos de las Naciones Unidas.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Sigue el original inglés (locales/en/narrative.ftl): mismos identificadores y variables. Las
### plantillas deciden qué oración se dice; las palabras están aquí. El texto es el Markdown del
### documento: se mantienen [@F1] (remisión al gráfico F1, que el documento imprime "gráfico I",
### sin artículo) y [^definition] (nota a pie de página) tal cual. Cada mensaje recibe también los
### parámetros del pipeline ($first_year, $last_year, …). NUM imprime por ahora cifras; el cero se
### redacta con una variante exacta [0] ("ningún", "ninguna"). Los nombres de países y regiones
### ($min_country, $countries, $highest_region, …) llegan sin artículo: construcciones sin artículo.

## Subtítulos del capítulo II.

# Subtítulo: qué datos hay.
heading-data = Datos disponibles
# Subtítulo: la tendencia del panel constante.
heading-trends = Tendencias en el panel constante
# Subtítulo: niveles en el último año.
heading-levels = Niveles en el último año
# Subtítulo: variación entre los dos períodos, por país.
heading-change = Variación por país o zona
# Subtítulo: revisiones, otras fuentes y calidad de los datos.
heading-revisions = Revisiones, fuentes y calidad de los datos

## Capítulo II, "Datos disponibles" (consultas N1).

# $reporting: países y zonas que comunicaron datos de al menos un año.
n1-reporting = Entre { $first_year } y { $last_year }, { NUMBER($reporting) ->
    [0] ningún país ni zona comunicó
    [one] { NUM($reporting) } país o zona comunicó
   *[other] { NUM($reporting) } países y zonas comunicaron
} al Estudio de las Naciones Unidas sobre Tendencias Delictivas y Funcionamiento de los Sistemas de Justicia Penal (UN-CTS) datos sobre secuestros registrados por la policía correspondientes a por lo menos un año (véanse [@F1] y [@T1]).
# Sigue a n1-reporting. $panel_n: los que comunicaron datos de todos los años (el panel
# constante); $share: la proporción de la población mundial que abarcan (0–1).
n1-panel = { NUM($panel_n, position: "start") } de ellos { NUMBER($panel_n) ->
    [one] comunicó
   *[other] comunicaron
} datos de todos los años del período sin ruptura en sus series; este panel constante, en el que se basan todos los agregados de tendencia, abarca el { PERCENT($share) } de la población mundial.
# Sigue a n1-reporting cuando ninguna unidad comunicó datos de todos los años.
n1-no-panel = Ninguno de ellos comunicó datos de todos los años del período, por lo que no puede calcularse ningún agregado de tendencia.

## Capítulo II, "Tendencias en el panel constante" (N3, N5).

# $panel_n: unidades del panel; $direction: rose o fell (más allá de la banda de estabilidad),
# stable_up o stable_down (dentro de ella), none (primera tasa igual a cero); $change: la
# variación (0–1, impresa sin signo); $rate_first, $rate_last: tasas por cada 100.000;
# $cagr_sign: up, down o none (sin variación anual), $cagr: la variación anual compuesta
# (impresa sin signo).
n3-trend = En el panel, formado por { NUM($panel_n) } { NUMBER($panel_n) ->
    [one] país o zona
   *[other] países y zonas
}, la tasa combinada de secuestros { $direction ->
    [none] no puede compararse entre { $first_year } y { $last_year }, ya que era cero en { $first_year }
    [rose] aumentó un { PERCENT($change) } entre { $first_year } y { $last_year }
    [fell] disminuyó un { PERCENT($change) } entre { $first_year } y { $last_year }
    [stable_up] se mantuvo prácticamente estable entre { $first_year } y { $last_year } (con un aumento del { PERCENT($change) })
   *[stable_down] se mantuvo prácticamente estable entre { $first_year } y { $last_year } (con una disminución del { PERCENT($change) })
}, al pasar de { RATE($rate_first) } a { RATE($rate_last) } por cada 100.000 habitantes{ $cagr_sign ->
    [up] , lo que equivale a una tasa de variación anual compuesta de +{ PERCENT($cagr) }
    [down] , lo que equivale a una tasa de variación anual compuesta de −{ PERCENT($cagr) }
   *[none] { "" }
} (véanse [@F2], [@F3] y [@T2]).
# Nota a n3-trend: qué son los agregados.
n3-aggregates-note = Los agregados regionales y del panel abarcan únicamente los países y zonas declarantes; están ponderados por la población (Σ recuento ÷ Σ población × 100.000), se basan en un panel constante para el período { $first_year }–{ $last_year } y no imputan ningún valor. No son estimaciones para la región ni para el mundo.
# Cuando ninguna unidad comunicó datos de todos los años.
n3-no-panel = Ningún país ni zona comunicó datos de todos los años entre { $first_year } y { $last_year }; no se calcula ninguna tendencia.
# Los paneles de dos o más regiones abarcan $region_share_for_text (0–1) de su población:
# $highest_region, $lowest_region son nombres de región (sin artículo), $highest_rate,
# $lowest_rate sus tasas.
n5-compared = Entre las regiones cuyo panel abarca al menos el { PERCENT($region_share_for_text) } de su población, la región con la tasa combinada más alta en { $last_year } fue { $highest_region } ({ RATE($highest_rate) } por cada 100.000 habitantes) y la de tasa más baja, { $lowest_region } ({ RATE($lowest_rate) }).
# Solo el panel de una región ($highest_region, su tasa $highest_rate) abarca una parte
# suficiente de su población.
n5-one = Solo el panel de una región, { $highest_region }, abarca al menos el { PERCENT($region_share_for_text) } de su población, con una tasa combinada de { RATE($highest_rate) } por cada 100.000 habitantes en { $last_year }; no se establecen comparaciones entre regiones.
# El panel de ninguna región abarca una parte suficiente de su población.
n5-none = Ningún panel regional abarca el { PERCENT($region_share_for_text) } de la población de su región, por lo que no se formula afirmación alguna sobre las regiones en su conjunto ni se comparan las regiones entre sí; en el [@F2] y el [@T2] se muestran los países del panel de cada región, con la proporción de la población que representan.

## Capítulo II, "Niveles en el último año" (N2, N6).

# $units: unidades con datos en el último año; $kidnappings: su total; $combined_rate,
# $median_rate: tasas por cada 100.000; $min_rate, $max_rate: la tasa más baja y la más alta
# entre las unidades de al menos $population_floor habitantes, $min_country, $max_country una
# unidad con esa tasa (nombre sin artículo) y $min_many, $max_many si varias la comparten
# ($min_ties, $max_ties de ellas).
n2-levels = En { $last_year }, { NUMBER($kidnappings) ->
    [0] no se registró ningún secuestro
    [one] se registró { NUM($kidnappings) } secuestro
   *[other] se registró un total de { NUM($kidnappings) } secuestros
} en { NUM($units) } { NUMBER($units) ->
    [one] país o zona
   *[other] países y zonas
}, lo que supone una tasa combinada de { RATE($combined_rate) } por cada 100.000 habitantes; la tasa mediana fue de { RATE($median_rate) }. Entre los países y zonas con al menos { FIGURE($population_floor) } habitantes (véanse [@F4], [@F5] y [@T3]), las tasas oscilaron entre un mínimo de { RATE($min_rate) } por cada 100.000 habitantes ({ $min_many ->
    [true] { NUM($min_ties) } países y zonas, entre ellos { $min_country }
   *[false] { $min_country }
}) y un máximo de { RATE($max_rate) } ({ $max_many ->
    [true] { NUM($max_ties) } países y zonas, entre ellos { $max_country }
   *[false] { $max_country }
}).
# Cuando ninguna unidad tiene datos del último año.
n2-no-data = Ningún país ni zona dispone de datos sobre secuestros correspondientes a { $last_year }.
# $units: las unidades con más secuestros, $countries: sus nombres (sin artículo); $share: su
# proporción del total ($total) de secuestros registrados en el último año.
n6-concentration = Los secuestros están concentrados: en { $last_year }, el { PERCENT($share) } de un total de { NUM($total) } { NUMBER($total) ->
    [one] secuestro registrado
   *[other] secuestros registrados
} correspondió a { NUM($units) } { NUMBER($units) ->
    [one] país o zona
   *[other] países y zonas
}: { $countries } (véase [@T4]).

## Capítulo II, "Variación por país o zona" (N4, N7).

# La tasa media del primer período ($p1_from–$p1_to) frente a la del segundo: unidades $up,
# $down, $stable (una serie: se imprimen igual), de las $compared con datos en ambos;
# $with_break de ellas con ruptura de serie; $stable_band (0–1).
n4-change = Al comparar la tasa media de { $p1_from }–{ $p1_to } con la de { $p2_from }–{ $p2_to } en { NUMBER($compared) ->
    [one] { NUM($compared) } país o zona
   *[other] los { NUM($compared) } países y zonas
} con datos de ambos períodos{ NUMBER($with_break) ->
    [0] { "" }
   *[other] { " " }({ NUM($with_break) } de ellos con ruptura de serie, que se incluyen aquí)
}, se observa que la tasa aumentó en { NUM($up, $down, $stable, role: "alone") } de ellos, disminuyó en { NUM($down, $up, $stable, role: "alone") } y se mantuvo dentro de ±{ PERCENT($stable_band) } en { NUM($stable, $up, $down, role: "alone") } (véanse [@F6], [@F7], [@F8] y [@T5]).
# $confirmed: series con una ruptura confirmada en el período.
n7-breaks = { NUMBER($confirmed) ->
    [0] Ninguna serie presenta una ruptura de definición o de registro entre { $first_year } y { $last_year }.
    [one] { NUM($confirmed, position: "start") } serie presenta una probable ruptura de definición o de registro entre { $first_year } y { $last_year } (la tasa se duplica o se reduce a la mitad y se mantiene en ese nivel); se excluye de los agregados de tendencia y figura en el [@T7].
   *[other] { NUM($confirmed, position: "start") } series presentan una probable ruptura de definición o de registro entre { $first_year } y { $last_year } (la tasa se duplica o se reduce a la mitad y se mantiene en ese nivel); se excluyen de los agregados de tendencia y figuran en el [@T7].
}
# Sigue a n7-breaks cuando $possible saltos (en el último año) aún necesitan los datos del año siguiente.
n7-possible = { NUM($possible, position: "start") } { NUMBER($possible) ->
    [one] salto más está pendiente de confirmación con los datos del año siguiente
   *[other] saltos más están pendientes de confirmación con los datos del año siguiente
}.

## Capítulo II, "Revisiones, fuentes y calidad de los datos" (R1, N8) y su párrafo final.

# Frente a la edición anterior (su fecha o identificador $previous_release): países-año
# añadidos ($added) y eliminados ($removed) (una serie); recuentos revisados $counts_revised
# ($counts_large en más de $threshold_percent por ciento), tasas $rates_revised ($rates_large):
# una serie de cuatro.
r1-revisions = Desde la edición anterior ({ DATE($previous_release) }), { NUMBER($added) ->
    [0] no se añadió ningún país-año
    [one] se añadió { NUM($added, $removed) } país-año
   *[other] se añadieron { NUM($added, $removed) } países-año
} y { NUMBER($removed) ->
    [0] no se eliminó ninguno
    [one] se eliminó { NUM($removed, $added, role: "alone") }
   *[other] se eliminaron { NUM($removed, $added, role: "alone") }
}; { NUMBER($counts_revised) ->
    [0] no se revisó ningún recuento
    [one] se revisó { NUM($counts_revised, $counts_large, $rates_revised, $rates_large) } recuento
   *[other] se revisaron { NUM($counts_revised, $counts_large, $rates_revised, $rates_large) } recuentos
} ({ NUM($counts_large, $counts_revised, $rates_revised, $rates_large, role: "alone") } en más de un { PLAIN($threshold_percent) }%, que figuran en el [@T8]) y { NUMBER($rates_revised) ->
    [0] ninguna tasa
    [one] { NUM($rates_revised, $counts_revised, $counts_large, $rates_large) } tasa
   *[other] { NUM($rates_revised, $counts_revised, $counts_large, $rates_large) } tasas
} ({ NUM($rates_large, $counts_revised, $counts_large, $rates_revised, role: "alone") } en más de un { PLAIN($threshold_percent) }%), sobre todo debido a la revisión de las estimaciones de población.
# Los datos consultados además de la edición actual: $consulted es earlier (solo ediciones
# anteriores), other (solo otras publicaciones) o both (no traducir las claves).
n8-consulted = Además de la edición actual, los datos consultados incluyen { $consulted ->
    [earlier] { n8-earlier }
    [other] { n8-other }
   *[both] { n8-earlier } y { n8-other }
}.
# Parte de n8-consulted: $earlier ediciones anteriores de los mismos datos, la más antigua de
# fecha $first_release.
n8-earlier = { NUM($earlier) } { NUMBER($earlier) ->
    [one] edición anterior
   *[other] ediciones anteriores
} de los datos del UN-CTS (la más antigua: { DATE($first_release) })
# Parte de n8-consulted: $other_sources otras publicaciones (para una sola, "otra publicación",
# sin cifra).
n8-other = { NUMBER($other_sources) ->
    [one] otra publicación de cifras de secuestros, comparada
   *[other] otras { NUM($other_sources) } publicaciones de cifras de secuestros, comparadas
} con la edición actual en el [@T9]
# Filas de las fuentes apartadas ($quarantined), tasas publicadas señaladas ($rate_mismatch,
# alejadas más de $tolerance_percent por ciento) y recuentos señalados ($implausible_jump, que
# se multiplican o dividen por más de $jump_factor): una serie de tres.
n8-quality = En aplicación de las reglas de calidad ([@T10]), { NUMBER($quarantined) ->
    [0] no se apartó ninguna fila de las fuentes
    [one] se apartó { NUM($quarantined, $rate_mismatch, $implausible_jump) } fila de las fuentes
   *[other] se apartaron { NUM($quarantined, $rate_mismatch, $implausible_jump) } filas de las fuentes
}, { NUMBER($rate_mismatch) ->
    [0] no se señaló ninguna tasa publicada que se alejara
    [one] se señaló { NUM($rate_mismatch, $quarantined, $implausible_jump) } tasa publicada que se alejaba
   *[other] se señalaron { NUM($rate_mismatch, $quarantined, $implausible_jump) } tasas publicadas que se alejaban
} más de un { PLAIN($tolerance_percent) }% del recuento ÷ población y { NUMBER($implausible_jump) ->
    [0] no se señaló ningún recuento que se multiplicara o dividiera
    [one] se señaló { NUM($implausible_jump, $quarantined, $rate_mismatch) } recuento que se multiplicaba o dividía
   *[other] se señalaron { NUM($implausible_jump, $quarantined, $rate_mismatch) } recuentos que se multiplicaban o dividían
} por más de { PLAIN($jump_factor) } de un año al siguiente.
# Unidades subnacionales: $case es orphans (informan sin su país en $orphans países-año), both
# (también junto con él en $doubles), doubles (solo junto con él) o none.
n8-subnational = { $case ->
    [orphans] Algunas unidades subnacionales informan por separado en { NUM($orphans, $doubles) } { NUMBER($orphans) ->
        [one] país-año
       *[other] países-año
    } (su país no informa; se muestran como unidades y nunca se suman en una cifra nacional).
    [both] Algunas unidades subnacionales informan por separado en { NUM($orphans, $doubles) } { NUMBER($orphans) ->
        [one] país-año
       *[other] países-año
    } (su país no informa; se muestran como unidades y nunca se suman en una cifra nacional) y junto con su país en { NUM($doubles, $orphans, role: "alone") } (se excluyen de todos los agregados).
    [doubles] Algunas unidades subnacionales informan junto con su país en { NUM($doubles, $orphans) } { NUMBER($doubles) ->
        [one] país-año
       *[other] países-año
    } (se excluyen de todos los agregados) y nunca por separado.
   *[none] Ninguna unidad subnacional informa por separado ni junto con su país.
}
# Párrafo final del capítulo II; [^definition] es su nota (n-definition).
n-caveat = Estas cifras corresponden a delitos registrados por la policía y no miden cuántos secuestros se producen: muchos secuestros nunca se denuncian, y las definiciones jurídicas y las normas de recuento nacionales difieren (algunos países incluyen la privación de libertad forzosa o la sustracción de menores por sus progenitores).[^definition] Por consiguiente, las tasas no son comparables entre países, y las variaciones a lo largo del tiempo pueden reflejar cambios tanto en la denuncia y el registro como en la delincuencia.
# Nota a n-caveat: la definición de secuestro.
n-definition = Secuestro según la definición del UN-CTS (Clasificación Internacional de Delitos con Fines Estadísticos, código 020221): detención ilícita de una o varias personas contra su voluntad (incluso mediante el uso de la fuerza, la amenaza, el fraude o el engaño) con el fin de exigir por su liberación un beneficio ilícito o cualquier otro beneficio económico u otro beneficio material, o con el fin de obligar a alguien a hacer o no hacer algo. Se excluyen las controversias sobre la custodia de menores; se incluyen las tentativas.

## El Resumen (summary.md).

# El mandato y lo que abarca el informe.
summary-mandate = El presente informe se presenta de conformidad con el párrafo 10 de la resolución 2009/24 del Consejo Económico y Social, relativa a la cooperación internacional para prevenir, combatir y eliminar el secuestro y prestar asistencia a las víctimas. En él se examinan los secuestros registrados por la policía que los Estados Miembros comunicaron al Estudio de las Naciones Unidas sobre Tendencias Delictivas y Funcionamiento de los Sistemas de Justicia Penal correspondientes al período { $first_year }–{ $last_year }.
# Los niveles principales: $units, $kidnappings, $combined_rate como en n2-levels.
summary-levels = En { $last_year }, { NUMBER($kidnappings) ->
    [0] no se registró ningún secuestro
    [one] se registró { NUM($kidnappings) } secuestro
   *[other] se registró un total de { NUM($kidnappings) } secuestros
} en { NUM($units) } { NUMBER($units) ->
    [one] país o zona
   *[other] países y zonas
}, lo que supone una tasa combinada de { RATE($combined_rate) } por cada 100.000 habitantes.
# Sigue a summary-levels: la tendencia del panel ($panel_n unidades; $direction rose, fell o
# stable; $change 0–1). Para una sola unidad, "el único país o zona", sin cifra.
summary-trend = En { NUMBER($panel_n) ->
    [one] el único país o zona que comunicó
   *[other] los { NUM($panel_n) } países y zonas que comunicaron
} datos de todos los años, la tasa combinada { $direction ->
    [rose] aumentó un { PERCENT($change) }
    [fell] disminuyó un { PERCENT($change) }
   *[stable] se mantuvo prácticamente estable
} entre { $first_year } y { $last_year }.
# Cuando ninguna unidad tiene datos del último año.
summary-no-data = Ningún país ni zona dispone de datos sobre secuestros correspondientes a { $last_year }.
# La advertencia que cierra el Resumen.
summary-caveat = Las cifras corresponden a delitos registrados por la policía: no miden cuántos secuestros se producen y, como las definiciones nacionales difieren, las tasas no son comparables entre países.
