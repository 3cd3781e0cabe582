### Le texte calculé du chapitre II (narrative.j2) et du résumé (summary), en français.
### Traduction provisoire, non revue par les services linguistiques de l'Organisation des Nations Unies.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Suit l'original anglais (locales/en/narrative.ftl) : mêmes messages, mêmes variables. Les
### modèles décident quelle phrase est dite ; les mots sont ici. Le texte est le Markdown du
### document : garder tels quels [@F1] (renvoi à la figure F1, que le document imprime
### « figure I ») et [^definition] (une note). Chaque message reçoit aussi les paramètres de la
### chaîne de traitement ($first_year, $last_year, …). NUM imprime des chiffres en français, et
### « 0 » pour zéro : là où zéro est possible, une variante [0] de NUMBER($n) dit « aucun ». En
### français, 0 et 1 relèvent de la catégorie [one]. Les noms de pays et de régions sont insérés
### sans article : les phrases sont construites pour ne pas en demander.

## Sous-titres du chapitre II.

# Sous-titre : les données disponibles.
heading-data = Données disponibles
# Sous-titre : la tendance du panel constant.
heading-trends = Tendances dans le panel constant
# Sous-titre : les niveaux de la dernière année.
heading-levels = Niveaux observés la dernière année
# Sous-titre : l'évolution entre les deux périodes, par pays.
heading-change = Évolution par pays ou territoire
# Sous-titre : révisions, autres sources et qualité des données.
heading-revisions = Révisions, sources et qualité des données

## Chapitre II, « Données disponibles » (requête N1).

# $reporting : pays et territoires ayant communiqué des données pour au moins une année.
n1-reporting = Entre { $first_year } et { $last_year }, dans le cadre de l'Enquête des Nations Unies sur les tendances de la criminalité et le fonctionnement des systèmes de justice pénale (UN-CTS), { NUMBER($reporting) ->
    [0] aucun pays ou territoire n'a communiqué de données
    [one] { NUM($reporting) } pays ou territoire a communiqué des données
   *[other] { NUM($reporting) } pays et territoires ont communiqué des données
} sur les enlèvements enregistrés par la police pour au moins une année (voir [@F1] et [@T1]).
# Suit n1-reporting. $panel_n : ceux d'entre eux qui ont communiqué des données pour chaque année
# (le panel constant) ; $share : la part de la population mondiale qu'ils couvrent (0–1).
n1-panel = { NUMBER($panel_n) ->
    [one] { NUM($panel_n, position: "start") } d'entre eux a communiqué
   *[other] { NUM($panel_n, position: "start") } d'entre eux ont communiqué
} des données pour chaque année de la période, sans rupture de série ; ce panel constant, sur lequel reposent tous les agrégats de tendance, couvre { PERCENT($share) } de la population mondiale.
# Suit n1-reporting lorsqu'aucune unité n'a communiqué de données pour chaque année.
n1-no-panel = Aucun d'entre eux n'a communiqué de données pour chaque année de la période ; aucun agrégat de tendance ne peut donc être calculé.

## Chapitre II, « Tendances dans le panel constant » (N3, N5).

# $panel_n : unités du panel ; $direction : rose ou fell (au-delà de l'intervalle de stabilité),
# stable_up ou stable_down (à l'intérieur), none (premier taux nul) ; $change : la variation (0–1,
# imprimée sans signe) ; $rate_first, $rate_last : taux pour 100 000 ; $cagr_sign : up, down ou
# none (pas de variation annuelle), $cagr : la variation annuelle composée (imprimée sans signe).
n3-trend = { NUMBER($panel_n) ->
    [one] Dans le seul pays ou territoire du panel
   *[other] Dans les { NUM($panel_n) } pays et territoires du panel
}, le taux combiné d'enlèvement { $direction ->
    [none] n'a pu être comparé entre { $first_year } et { $last_year }, car il était nul en { $first_year }
    [rose] a augmenté de { PERCENT($change) } entre { $first_year } et { $last_year }
    [fell] a diminué de { PERCENT($change) } entre { $first_year } et { $last_year }
    [stable_up] est resté globalement stable entre { $first_year } et { $last_year } (hausse de { PERCENT($change) })
   *[stable_down] est resté globalement stable entre { $first_year } et { $last_year } (baisse de { PERCENT($change) })
}, passant de { RATE($rate_first) } à { RATE($rate_last) } pour 100 000 habitants{ $cagr_sign ->
    [up] , soit une variation annuelle composée de +{ PERCENT($cagr) }
    [down] , soit une variation annuelle composée de −{ PERCENT($cagr) }
   *[none] { "" }
} (voir [@F2], [@F3] et [@T2]).
# Note de n3-trend : ce que sont les agrégats.
n3-aggregates-note = Les agrégats régionaux et ceux du panel ne couvrent que les pays et territoires déclarants ; ils sont pondérés par la population (Σ nombre ÷ Σ population × 100 000), reposent sur un panel constant sur la période { $first_year }–{ $last_year } et ne comportent aucune imputation. Ce ne sont pas des estimations pour la région ou pour le monde.
# Lorsqu'aucune unité n'a communiqué de données pour chaque année.
n3-no-panel = Aucun pays ou territoire n'a communiqué de données pour chacune des années de { $first_year } à { $last_year } ; aucune tendance n'est calculée.
# Les panels de deux régions ou plus couvrent $region_share_for_text (0–1) de leur population :
# $highest_region, $lowest_region sont des noms de région (insérés sans article, après « la
# région »), $highest_rate, $lowest_rate leurs taux.
n5-compared = Parmi les régions dont le panel couvre au moins { PERCENT($region_share_for_text) } de la population, le taux combiné le plus élevé en { $last_year } était celui de la région { $highest_region } ({ RATE($highest_rate) } pour 100 000 habitants) et le plus faible celui de la région { $lowest_region } ({ RATE($lowest_rate) }).
# Le panel d'une seule région ($highest_region, son taux $highest_rate) couvre une part suffisante
# de sa population.
n5-one = Seul le panel de la région { $highest_region } couvre au moins { PERCENT($region_share_for_text) } de la population de celle-ci, avec un taux combiné de { RATE($highest_rate) } pour 100 000 habitants en { $last_year } ; aucune comparaison n'est faite entre les régions.
# Aucun panel régional ne couvre une part suffisante de la population de sa région.
n5-none = Aucun panel régional ne couvre { PERCENT($region_share_for_text) } de la population de sa région ; aucune conclusion n'est donc formulée sur une région dans son ensemble et les régions ne sont pas comparées. Les pays du panel de chaque région figurent, avec leur part de la population de celle-ci, à la [@F2] et au [@T2].

## Chapitre II, « Niveaux observés la dernière année » (N2, N6).

# $units : unités disposant de données pour la dernière année ; $kidnappings : leur total ;
# $combined_rate, $median_rate : taux pour 100 000 ; $min_rate, $max_rate : le taux le plus bas
# et le plus élevé parmi les unités d'au moins $population_floor habitants, $min_country,
# $max_country une unité qui l'atteint (nom inséré sans article, entre parenthèses) et $min_many,
# $max_many si plusieurs le partagent ($min_ties, $max_ties d'entre elles).
n2-levels = En { $last_year }, { NUMBER($kidnappings) ->
    [0] aucun enlèvement n'a été enregistré
    [one] { NUM($kidnappings) } enlèvement a été enregistré au total
   *[other] { NUM($kidnappings) } enlèvements ont été enregistrés au total
} dans { NUM($units) } { NUMBER($units) ->
    [one] pays ou territoire
   *[other] pays et territoires
}, soit un taux combiné de { RATE($combined_rate) } pour 100 000 habitants ; le taux médian était de { RATE($median_rate) }. Dans les pays et territoires comptant au moins { FIGURE($population_floor) } habitants, les taux (voir [@F4], [@F5] et [@T3]) allaient de { RATE($min_rate) } pour 100 000 habitants ({ $min_many ->
    [true] { NUM($min_ties) } pays et territoires, parmi lesquels : { $min_country }
   *[false] { $min_country }
}) à { RATE($max_rate) } ({ $max_many ->
    [true] { NUM($max_ties) } pays et territoires, parmi lesquels : { $max_country }
   *[false] { $max_country }
}).
# Lorsqu'aucune unité ne dispose de données pour la dernière année.
n2-no-data = Aucun pays ou territoire ne dispose de données sur les enlèvements pour { $last_year }.
# $units : les unités ayant enregistré le plus d'enlèvements, $countries : leurs noms (insérés sans
# article, entre parenthèses) ; $share : leur part de l'ensemble des enlèvements ($total)
# enregistrés la dernière année.
n6-concentration = Les enlèvements sont concentrés : en { $last_year }, { NUM($units) } { NUMBER($units) ->
    [one] pays ou territoire ({ $countries }) représentait
   *[other] pays et territoires ({ $countries }) représentaient
} { PERCENT($share) } du total de { NUM($total) } { NUMBER($total) ->
    [one] enlèvement enregistré
   *[other] enlèvements enregistrés
} (voir [@T4]).

## Chapitre II, « Évolution par pays ou territoire » (N4, N7).

# Le taux moyen de la première période ($p1_from–$p1_to) comparé à celui de la seconde : $up,
# $down, $stable unités (une même série : imprimées de la même façon), sur $compared disposant de
# données pour les deux périodes ; $with_break d'entre elles avec une rupture de série ;
# $stable_band (0–1). Zéro : « n'a augmenté dans aucun ».
n4-change = Si l'on compare le taux moyen de { $p1_from }–{ $p1_to } à celui de { $p2_from }–{ $p2_to }, sur { NUM($compared) } { NUMBER($compared) ->
    [one] pays ou territoire
   *[other] pays et territoires
} disposant de données pour les deux périodes{ NUMBER($with_break) ->
    [0] { "" }
   *[other] { " " }(dont { NUM($with_break) } présentant une rupture de série, pris en compte ici)
}, le taux { NUMBER($up) ->
    [0] n'a augmenté dans aucun
   *[other] a augmenté dans { NUM($up, $down, $stable, role: "alone") }
}, { NUMBER($down) ->
    [0] n'a diminué dans aucun
   *[other] a diminué dans { NUM($down, $up, $stable, role: "alone") }
} et { NUMBER($stable) ->
    [0] n'est resté stable à ±{ PERCENT($stable_band) } près dans aucun
   *[other] est resté stable à ±{ PERCENT($stable_band) } près dans { NUM($stable, $up, $down, role: "alone") }
} (voir [@F6], [@F7], [@F8] et [@T5]).
# $confirmed : séries présentant une rupture confirmée pendant la période.
n7-breaks = { NUMBER($confirmed) ->
    [0] Aucune série ne présente de rupture liée à la définition ou à l'enregistrement entre { $first_year } et { $last_year }.
    [one] { NUM($confirmed, position: "start") } série présente une rupture probable liée à la définition ou à l'enregistrement entre { $first_year } et { $last_year } (le taux doublant ou diminuant de moitié et se maintenant à ce niveau) ; elle est exclue des agrégats de tendance et figure au [@T7].
   *[other] { NUM($confirmed, position: "start") } séries présentent une rupture probable liée à la définition ou à l'enregistrement entre { $first_year } et { $last_year } (le taux doublant ou diminuant de moitié et se maintenant à ce niveau) ; elles sont exclues des agrégats de tendance et figurent au [@T7].
}
# Suit n7-breaks lorsque $possible sauts (la dernière année) attendent encore les données de
# l'année suivante.
n7-possible = { NUM($possible, position: "start") } { NUMBER($possible) ->
    [one] autre saut doit encore être confirmé par les données d'une année ultérieure
   *[other] autres sauts doivent encore être confirmés par les données d'une année ultérieure
}.

## Chapitre II, « Révisions, sources et qualité des données » (R1, N8) et son paragraphe final.

# Par rapport à la version précédente (sa date ou son identifiant $previous_release) : $added et
# $removed pays-années (une même série) ; $counts_revised nombres révisés ($counts_large de plus
# de $threshold_percent %), $rates_revised taux ($rates_large) : une série de quatre. Zéro :
# « aucun … n'a été ».
r1-revisions = Depuis la version précédente ({ DATE($previous_release) }), { NUMBER($added) ->
    [0] aucun pays-année n'a été ajouté
    [one] { NUM($added, $removed) } pays-année a été ajouté
   *[other] { NUM($added, $removed) } pays-années ont été ajoutés
} et { NUMBER($removed) ->
    [0] aucun n'a été supprimé
    [one] { NUM($removed, $added, role: "alone") } a été supprimé
   *[other] { NUM($removed, $added, role: "alone") } ont été supprimés
} ; { NUMBER($counts_revised) ->
    [0] aucun nombre d'enlèvements n'a été révisé
    [one] { NUM($counts_revised, $counts_large, $rates_revised, $rates_large) } nombre d'enlèvements a été révisé
   *[other] { NUM($counts_revised, $counts_large, $rates_revised, $rates_large) } nombres d'enlèvements ont été révisés
} ({ NUMBER($counts_large) ->
    [0] aucun
   *[other] dont { NUM($counts_large, $counts_revised, $rates_revised, $rates_large, role: "alone") }
} de plus de { PLAIN($threshold_percent) } %, voir [@T8]) et { NUMBER($rates_revised) ->
    [0] aucun taux n'a été révisé
    [one] { NUM($rates_revised, $counts_revised, $counts_large, $rates_large) } taux a été révisé
   *[other] { NUM($rates_revised, $counts_revised, $counts_large, $rates_large) } taux ont été révisés
} ({ NUMBER($rates_large) ->
    [0] aucun
   *[other] dont { NUM($rates_large, $counts_revised, $counts_large, $rates_revised, role: "alone") }
} de plus de { PLAIN($threshold_percent) } %), principalement en raison de la révision des estimations de population.
# Les données consultées en plus de la version actuelle : $consulted vaut earlier (versions
# antérieures seulement), other (autres publications seulement) ou both.
n8-consulted = Outre la version actuelle, les données consultées comprennent { $consulted ->
    [earlier] { n8-earlier }
    [other] { n8-other }
   *[both] { n8-earlier } et { n8-other }
}.
# Partie de n8-consulted : $earlier versions antérieures des mêmes données, la plus ancienne datée
# $first_release (jour ou mois : la date s'imprime après deux-points).
n8-earlier = { NUM($earlier) } { NUMBER($earlier) ->
    [one] version antérieure des données UN-CTS ({ DATE($first_release) })
   *[other] versions antérieures des données UN-CTS (la plus ancienne : { DATE($first_release) })
}
# Partie de n8-consulted : $other_sources autres publications.
n8-other = { NUM($other_sources) } { NUMBER($other_sources) ->
    [one] autre publication de données sur les enlèvements, comparée
   *[other] autres publications de données sur les enlèvements, comparées
} à la version actuelle dans le [@T9]
# Lignes sources écartées ($quarantined), taux publiés signalés ($rate_mismatch, s'écartant de
# plus de $tolerance_percent %) et nombres signalés ($implausible_jump, multipliés ou divisés par
# plus de $jump_factor) : une série de trois. Là où l'anglais écrit FOLD($jump_factor), le
# français écrit « multiplié ou divisé par plus de { PLAIN($jump_factor) } ».
n8-quality = En application des règles de qualité ([@T10]), { NUMBER($quarantined) ->
    [0] aucune ligne source n'a été écartée
    [one] { NUM($quarantined, $rate_mismatch, $implausible_jump) } ligne source a été écartée
   *[other] { NUM($quarantined, $rate_mismatch, $implausible_jump) } lignes sources ont été écartées
}, { NUMBER($rate_mismatch) ->
    [0] aucun taux publié s'écartant
    [one] { NUM($rate_mismatch, $quarantined, $implausible_jump) } taux publié s'écartant
   *[other] { NUM($rate_mismatch, $quarantined, $implausible_jump) } taux publiés s'écartant
} de plus de { PLAIN($tolerance_percent) } % du rapport nombre ÷ population { NUMBER($rate_mismatch) ->
    [0] n'a été signalé
    [one] a été signalé
   *[other] ont été signalés
} et { NUMBER($implausible_jump) ->
    [0] aucun nombre d'enlèvements multiplié ou divisé
    [one] { NUM($implausible_jump, $quarantined, $rate_mismatch) } nombre d'enlèvements multiplié ou divisé
   *[other] { NUM($implausible_jump, $quarantined, $rate_mismatch) } nombres d'enlèvements multipliés ou divisés
} par plus de { PLAIN($jump_factor) } d'une année à l'autre { NUMBER($implausible_jump) ->
    [0] n'a été signalé
    [one] a été signalé
   *[other] ont été signalés
}.
# Unités infranationales : $case vaut orphans (communiquant des données sans leur pays pour
# $orphans pays-années), both (et aussi en même temps que lui pour $doubles), doubles (seulement
# en même temps que lui) ou none.
n8-subnational = { $case ->
    [orphans] Des unités infranationales communiquent des données de manière autonome pour { NUM($orphans, $doubles) } { NUMBER($orphans) ->
        [one] pays-année
       *[other] pays-années
    } (leur pays n'en communique pas ; elles sont présentées comme des unités distinctes et ne sont jamais additionnées pour former un chiffre national).
    [both] Des unités infranationales communiquent des données de manière autonome pour { NUM($orphans, $doubles) } { NUMBER($orphans) ->
        [one] pays-année
       *[other] pays-années
    } (leur pays n'en communique pas ; elles sont présentées comme des unités distinctes et ne sont jamais additionnées pour former un chiffre national) et en même temps que leur pays pour { NUM($doubles, $orphans, role: "alone") } (ces données sont exclues de tous les agrégats).
    [doubles] Des unités infranationales communiquent des données en même temps que leur pays pour { NUM($doubles, $orphans) } { NUMBER($doubles) ->
        [one] pays-année
       *[other] pays-années
    } (ces données sont exclues de tous les agrégats) et jamais de manière autonome.
   *[none] Aucune unité infranationale ne communique de données, que ce soit de manière autonome ou en même temps que son pays.
}
# Le paragraphe final du chapitre II ; [^definition] est sa note (n-definition). En français,
# l'appel de note précède le point.
n-caveat = Ces chiffres correspondent aux infractions enregistrées par la police et ne mesurent pas le nombre d'enlèvements commis : de nombreux enlèvements ne sont jamais signalés, et les définitions juridiques et règles de comptage nationales diffèrent (certains pays incluent la séquestration ou l'enlèvement parental)[^definition]. Les taux ne sont donc pas comparables d'un pays à l'autre, et leur évolution dans le temps peut traduire des changements dans le signalement et l'enregistrement des faits autant que dans la criminalité.
# Note de n-caveat : la définition de l'enlèvement.
n-definition = L'enlèvement au sens de l'UN-CTS (Classification internationale des infractions à des fins statistiques, code 020221) s'entend du fait de détenir illégalement une ou plusieurs personnes contre leur gré (notamment par la force, la menace, la fraude ou la ruse) afin d'exiger pour leur libération un gain illicite ou tout autre avantage économique ou matériel, ou de contraindre quelqu'un à faire ou à ne pas faire quelque chose. Les différends relatifs à la garde d'enfants sont exclus ; les tentatives sont incluses.

## Le résumé (summary).

# Le mandat et l'objet du rapport.
summary-mandate = Le présent rapport est soumis en application du paragraphe 10 de la résolution 2009/24 du Conseil économique et social, intitulée « Coopération internationale en vue de prévenir, combattre et éliminer l'enlèvement et de fournir une assistance aux victimes ». Il passe en revue les enlèvements enregistrés par la police que les États Membres ont signalés dans le cadre de l'Enquête des Nations Unies sur les tendances de la criminalité et le fonctionnement des systèmes de justice pénale pour la période { $first_year }–{ $last_year }.
# Les niveaux principaux : $units, $kidnappings, $combined_rate comme dans n2-levels.
summary-levels = En { $last_year }, { NUMBER($kidnappings) ->
    [0] aucun enlèvement n'a été enregistré
    [one] { NUM($kidnappings) } enlèvement a été enregistré au total
   *[other] { NUM($kidnappings) } enlèvements ont été enregistrés au total
} dans { NUM($units) } { NUMBER($units) ->
    [one] pays ou territoire
   *[other] pays et territoires
}, soit un taux combiné de { RATE($combined_rate) } pour 100 000 habitants.
# Suit summary-levels : la tendance du panel ($panel_n unités ; $direction rose, fell ou stable ;
# $change 0–1).
summary-trend = { NUMBER($panel_n) ->
    [one] Dans le seul pays ou territoire ayant communiqué des données pour chaque année
   *[other] Dans les { NUM($panel_n) } pays et territoires ayant communiqué des données pour chaque année
}, le taux combiné { $direction ->
    [rose] a augmenté de { PERCENT($change) }
    [fell] a diminué de { PERCENT($change) }
   *[stable] est resté globalement stable
} entre { $first_year } et { $last_year }.
# Lorsqu'aucune unité ne dispose de données pour la dernière année.
summary-no-data = Aucun pays ou territoire ne dispose de données sur les enlèvements pour { $last_year }.
# La mise en garde qui clôt le résumé.
summary-caveat = Ces chiffres correspondent aux infractions enregistrées par la police : ils ne mesurent pas le nombre d'enlèvements commis et, les définitions nationales différant, les taux ne sont pas comparables d'un pays à l'autre.
