### Les mots des figures et des tableaux du rapport (report.yaml), en français.
### Traduction provisoire, non revue par les services linguistiques de l'Organisation des Nations Unies.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Suit l'original anglais (locales/en/report.ftl) : mêmes messages, mêmes attributs, mêmes
### variables. Chaque message reçoit les paramètres de la chaîne de traitement ($first_year,
### $last_year, $p1_from, $p1_to, $p2_from, $p2_to, $population_floor, …), ses paramètres de
### qualité ($rate_mismatch_tolerance, $implausible_jump_factor, …), $latest_from (première
### année de la « dernière année disponible ») et le nom donné dans le document à chaque figure
### et à chaque tableau ($F2 imprime « figure II », $T10 « tableau 10 de l'annexe »). Le texte
### d'une ligne reçoit aussi les valeurs de la ligne. Les nombres s'impriment par une fonction
### qui dit ce qu'ils sont (NUM, FIGURE, RATE, PERCENT, PLAIN, DECIMALS ; une année telle
### quelle) et suivent les règles françaises (virgule décimale, espace des milliers, « 0,75 % ») :
### PERCENT imprime le signe %, ne pas l'ajouter. FOLD n'a de mots qu'en anglais : le français
### écrit « multiplié ou divisé par { PLAIN($x) } ». README, « Catalogues ».

# Titre du rapport (en-tête et titre HTML).
report-title = Tendances des enlèvements enregistrés par la police, { $first_year }–{ $last_year }

## Titres des chapitres du document.

# Titre du chapitre I.
chapter-introduction = Introduction
# Titre du chapitre II : le chapitre statistique.
chapter-trends = Tendances des enlèvements enregistrés par la police
# Titre du chapitre III.
chapter-measures = Mesures communiquées par les États Membres
# Titre du chapitre IV.
chapter-assistance = Assistance technique fournie par l'Office des Nations Unies contre la drogue et le crime
# Titre du chapitre V.
chapter-conclusions = Conclusions et recommandations

## Figures : le titre est le message ; .subtitle (la ligne d'unité), .axis (l'axe des valeurs),
## .note-1, .note-2 … (les notes sous la figure).

# Figure F1 : barres empilées du nombre d'unités déclarantes par année, un segment par région.
F1 = Pays et territoires ayant communiqué des données sur les enlèvements, par région, { $first_year }–{ $last_year }
    .subtitle = Nombre d'unités déclarantes disposant d'un nombre d'enlèvements enregistrés par la police
    .axis = Pays et territoires
    .note-1 = Les unités infranationales (Angleterre et pays de Galles, Écosse, Irlande du Nord, Iraq central) sont comptées comme des unités distinctes.

# Figure F2 : courbes du taux agrégé du panel par région. $min_countries : nombre minimal d'unités
# du panel qu'une région doit compter.
F2 = Taux d'enlèvement dans un panel constant de pays, par région, { $first_year }–{ $last_year }
    .subtitle = Enlèvements pour 100 000 habitants (Σ nombre ÷ Σ population)
    .axis = Taux pour 100 000 habitants
    .note-1 = Panel constant : unités disposant de données pour chaque année de la période { $first_year }–{ $last_year } et ne présentant aucune rupture de série. Les régions comptant moins de { NUM($min_countries) } unités dans le panel ne sont pas présentées.
    .note-2 = Les parts de population se rapportent à l'année { $last_year } et à la population des membres M49 de la région (du monde). Les agrégats ne couvrent que les unités du panel ; aucune imputation n'est effectuée.

# Légende d'une courbe des figures F2 et F3 : l'ensemble du panel ($series_order 1) ou une région
# ($series, son nom) ; $panel_n : ses unités dans le panel ; $population_share : la part de la
# population qu'elles couvrent (0–1). « pays » est invariable : les deux formes sont identiques.
panel-series = { NUMBER($series_order) ->
    [1] Ensemble des pays du panel ({ PLAIN($panel_n) }, { PERCENT($population_share, decimals: 0) } de la population mondiale)
   *[other] { $series } ({ PLAIN($panel_n) } { NUMBER($panel_n) ->
        [one] pays
       *[other] pays
    }, { PERCENT($population_share, decimals: 0) } de la population)
}

# Figure F3 : les taux de la figure F2 sous forme d'indice, première année = 100.
F3 = Indice du taux d'enlèvement dans le panel constant, par région, { $first_year }–{ $last_year }
    .subtitle = Taux agrégé de la { $F2 }, { $first_year } = 100
    .axis = Indice ({ $first_year } = 100)
    .note-1 = Même panel et même règle de couverture que pour la { $F2 }. Un indice ne montre que la variation relative : des régions dont les niveaux sont très différents peuvent avoir le même indice.

# Figure F4 : un point par pays sur un axe logarithmique, une ligne par région, la médiane
# régionale marquée.
F4 = Taux d'enlèvement par région, dernière année disponible ({ $latest_from }–{ $last_year })
    .subtitle = Enlèvements pour 100 000 habitants, un point par pays ou territoire (échelle logarithmique) ; barre = médiane régionale
    .axis = Taux pour 100 000 habitants (échelle logarithmique)
    .note-1 = Toutes les unités déclarantes sont présentées, quelle que soit leur population. Les médianes portent sur les taux des unités et ne sont pas pondérées par la population. Les définitions nationales diffèrent.

# Figure F5 : barres classées des taux les plus élevés. $top_n_chart : nombre de barres ;
# $small_count : nombre d'enlèvements en dessous duquel un taux est marqué † ; $population_floor :
# nombre d'habitants qu'une unité classée doit compter.
F5 = Taux d'enlèvement les plus élevés, dernière année disponible ({ $latest_from }–{ $last_year })
    .subtitle = Enlèvements pour 100 000 habitants, les { NUM($top_n_chart) } taux les plus élevés
    .axis = Taux pour 100 000 habitants
    .note-1 = L'année est indiquée lorsque les données les plus récentes sont antérieures à { $last_year }. † : moins de { FIGURE($small_count) } enlèvements. Les pays et territoires de moins de { FIGURE($population_floor) } habitants ne sont pas classés.
    .note-2 = Les définitions nationales diffèrent : les taux ne sont pas comparables d'un pays à l'autre.

# Figure F6 : pour chaque pays, un haltère allant du taux moyen de la première période à celui de
# la seconde ; .start-name et .end-name forment la légende des deux extrémités. « b » est la
# marque de rupture de série.
F6 = Taux moyen d'enlèvement, { $p1_from }–{ $p1_to } et { $p2_from }–{ $p2_to }, par pays ou territoire
    .subtitle = Enlèvements pour 100 000 habitants ; classement par variation relative, en commençant par la plus forte hausse
    .axis = Taux pour 100 000 habitants
    .start-name = Moyenne { $p1_from }–{ $p1_to }
    .end-name = Moyenne { $p2_from }–{ $p2_to }
    .note-1 = Le calcul de la moyenne d'une période exige au moins deux années de données dans chacune des périodes. b : rupture de série sur la période { $first_year }–{ $last_year } (l'unité est maintenue et signalée). Les pays et territoires de moins de { FIGURE($population_floor) } habitants ne sont pas présentés.

# Figure F7 : petits multiples, un graphique par pays. $multiples : nombre de graphiques.
F7 = Taux d'enlèvement dans les { NUM($multiples) } pays et territoires ayant enregistré le plus d'enlèvements en { $last_year }
    .subtitle = Enlèvements pour 100 000 habitants, avec la moyenne mobile centrée sur trois ans ; chaque graphique a sa propre échelle
    .axis = Taux pour 100 000 habitants
    .note-1 = La moyenne mobile n'est indiquée que lorsque des données sont disponibles pour les trois années ; des années situées juste en dehors de la période { $first_year }–{ $last_year } peuvent être utilisées. Ligne pointillée : rupture de série. Les pays et territoires de moins de { FIGURE($population_floor) } habitants ne sont pas retenus.

# Figure F8 : barres empilées, par région, des unités dont le taux a augmenté, est resté stable ou
# a diminué. $stable_band : l'intervalle de « stabilité » (0–1).
F8 = Sens de l'évolution des taux d'enlèvement entre { $p1_from }–{ $p1_to } et { $p2_from }–{ $p2_to }, par région
    .subtitle = Nombre de pays et territoires dont le taux moyen a augmenté, est resté stable à ±{ PERCENT($stable_band) } près ou a diminué
    .axis = Pays et territoires
    .note-1 = Les unités présentant une rupture de série sont incluses. Un taux moyen nul pendant la première période est compté comme une hausse si celui de la seconde période est supérieur à zéro.

# Légende d'un segment de la figure F8 : $direction est le code Up, Stable ou Down.
F8-series = { $direction ->
    [Up] Hausse
    [Stable] Stabilité
   *[other] Baisse
}

## Tableaux : le titre est le message ; .note-1, .note-2 … les notes sous le tableau ; les
## intitulés de colonne sont les attributs de <tableau>-columns, par colonne de la requête.

# Tableau T1 : unités déclarantes et unités du panel, par région.
T1 = Disponibilité des données sur les enlèvements, par région, { $first_year }–{ $last_year }
    .note-1 = Pays ou territoires : membres de la région selon la norme M49 de l'Organisation des Nations Unies. Les unités déclarantes comprennent des unités infranationales (Angleterre et pays de Galles, Écosse, Irlande du Nord, Iraq central) et le Kosovo au sens de la résolution 1244 (1999) du Conseil de sécurité, qui n'ont pas de code M49 et ne sont pas comptés comme membres.
    .note-2 = Population couverte : population des unités disposant d'un nombre d'enlèvements pour { $last_year }, en proportion de la population des membres M49 de la région (Banque mondiale).
# Intitulés des colonnes du tableau T1.
T1-columns =
    .region = Région
    .countries = Pays ou territoires
    .reporting = Ayant communiqué des données pour au moins une année
    .panel = Dans le panel constant
    .population_share = Population couverte en { $last_year } (en pourcentage)
# Une cellule de région du tableau T1 : $region est le nom de la région, ou le code Total pour la
# dernière ligne.
T1-region = { $region ->
    [Total] Total
   *[other] { $region }
}

# Tableau T2 : les taux du panel, par région. $min_countries : nombre minimal d'unités du panel
# qu'une région doit compter.
T2 = Taux d'enlèvement dans le panel constant, par région, { $first_year } et { $last_year }
    .note-1 = Taux pour 100 000 habitants = Σ nombre ÷ Σ population × 100 000 sur les unités du panel. Part de la population : population des unités du panel en { $last_year } rapportée à celle des membres M49 de la région (du monde). Croissance annuelle : taux composé entre { $first_year } et { $last_year } ; pente : droite des moindres carrés ajustée aux taux agrégés annuels.
    .note-2 = « .. » : moins de { NUM($min_countries) } unités dans le panel ; aucun agrégat n'est présenté.
# Intitulés des colonnes du tableau T2.
T2-columns =
    .region = Région
    .panel_n = Unités du panel
    .population_share = Part de la population (en pourcentage)
    .rate_first = Taux { $first_year }
    .rate_last = Taux { $last_year }
    .change = Variation (en pourcentage)
    .cagr = Croissance annuelle (en pourcentage)
    .slope = Pente (taux par an)
    .median_rate = Taux médian des unités { $last_year }
# Une cellule de région du tableau T2 : l'ensemble du panel ($row_order 1) ou une région
# ($region, son nom).
T2-region = { NUMBER($row_order) ->
    [1] Ensemble des pays du panel
   *[other] { $region }
}

# Tableau T3 : les taux les plus élevés. P1 et P2 sont les deux périodes comparées.
T3 = Taux d'enlèvement les plus élevés, dernière année disponible
    .note-1 = Dernière année : année la plus récente pour laquelle des données sont disponibles sur la période { $latest_from }–{ $last_year }. Taux pour 100 000 habitants tels que publiés par l'ONUDC. Moyenne sur trois ans : la dernière année et les deux années qui la précèdent (les trois sont nécessaires).
    .note-2 = Variation : taux moyen de { $p2_from }–{ $p2_to } rapporté au taux moyen de { $p1_from }–{ $p1_to } (chacun exige au moins deux années de données).
    .note-3 = Les pays et territoires de moins de { FIGURE($population_floor) } habitants ne sont pas classés. Les définitions nationales diffèrent : les taux ne sont pas comparables d'un pays à l'autre.
# Intitulés des colonnes du tableau T3.
T3-columns =
    .rank = Rang
    .country = Pays ou territoire
    .region = Région
    .year = Année
    .count = Enlèvements
    .rate = Taux
    .average_3y = Taux moyen sur trois ans
    .change = Variation P1→P2 (en pourcentage)

# Tableau T4 : les nombres d'enlèvements les plus élevés.
T4 = Nombres d'enlèvements enregistrés les plus élevés, dernière année disponible
    .note-1 = Part : nombre d'enlèvements de l'unité pour la dernière année, rapporté à la somme des nombres de la dernière année de toutes les unités déclarantes. Les pays et territoires de moins de { FIGURE($population_floor) } habitants ne sont pas classés.
# Intitulés des colonnes du tableau T4.
T4-columns =
    .rank = Rang
    .country = Pays ou territoire
    .year = Année
    .count = Enlèvements
    .rate = Taux
    .share = Part du total enregistré (en pourcentage)

# Tableau T5 : les plus fortes hausses et baisses entre les deux périodes.
T5 = Plus fortes hausses et baisses du taux moyen d'enlèvement entre { $p1_from }–{ $p1_to } et { $p2_from }–{ $p2_to }
    .note-1 = Seules figurent les unités ayant enregistré en moyenne au moins { FIGURE($small_count) } enlèvements par an sur la période { $p1_from }–{ $p1_to } et comptant au moins { FIGURE($population_floor) } habitants. b : rupture de série (l'unité est maintenue et signalée).
# Intitulés des colonnes du tableau T5 (la première colonne, qui indique hausse ou baisse, n'en a
# pas).
T5-columns =
    .kind = { "" }
    .rank = Rang
    .country = Pays ou territoire
    .region = Région
    .p1_mean = Taux moyen { $p1_from }–{ $p1_to }
    .p2_mean = Taux moyen { $p2_from }–{ $p2_to }
    .change = Variation (en pourcentage)
    .flag = Marque
# La première cellule d'une ligne du tableau T5 : $kind est le code Increase ou Decrease.
T5-kind = { $kind ->
    [Increase] Hausse
   *[other] Baisse
}

# Tableau T6 (annexe) : chaque pays-année.
T6 = Enlèvements enregistrés et taux pour 100 000 habitants, par pays ou territoire et par année, { $first_year }–{ $last_year }
    .note-1 = Variation par rapport à l'année précédente : calculée uniquement lorsque l'année précédente dispose de données (une lacune ne compte pas comme une année), que son taux est supérieur à zéro et que son nombre d'enlèvements est d'au moins { FIGURE($small_count) } ; sinon « .. ».
    .note-2 = Marques : b rupture de série ; e estimation (le nombre n'est pas un nombre entier). Un tiret (–) indique une valeur nulle ; deux points (..) indiquent que la donnée n'est pas disponible.
# Intitulés des colonnes du tableau T6.
T6-columns =
    .country = Pays ou territoire
    .year = Année
    .count = Enlèvements
    .rate = Taux
    .yoy = Variation par rapport à l'année précédente (en pourcentage)
    .flags = Marques

# Tableau T7 (annexe) : ruptures de série et incohérences de taux. $break_ratio, $break_min_count,
# $break_hold : les paramètres de la règle de rupture. Là où l'anglais écrit FOLD($break_ratio),
# le français écrit « multiplié ou divisé par { PLAIN($break_ratio) } ».
T7 = Ruptures de série et remarques sur la qualité des données, { $first_year }–{ $last_year }
    .note-1 = Règle de rupture : le taux { NUMBER($break_ratio) ->
        [2] au moins double ou diminue au moins de moitié
       *[other] est multiplié ou divisé par au moins { PLAIN($break_ratio) }
    } par rapport à l'année précédente (un passage à zéro ou à partir de zéro compte), sur au moins { FIGURE($break_min_count) } cas, et ne s'écarte pas de plus de { PERCENT($break_hold) } de ce niveau l'année suivante. Règle de cohérence : taux publié s'écartant de plus de { PERCENT($rate_mismatch_tolerance) } du rapport nombre ÷ population (Banque mondiale) × 100 000 (la tolérance du contrôle de cohérence du { $T10 }).
    .note-2 = Traitement : une rupture confirmée après { $first_year } exclut l'unité du panel constant et, partant, des agrégats de tendance ({ $F2 } et { $F3 }, { $T2 }) ; un saut intervenant en { $first_year } ne l'exclut pas, toute la période se situant au nouveau niveau ; une rupture possible ne change rien. Marque b : l'année dans le { $T6 } (et dans la { $F7 }). Variation entre périodes marquée b : { $F6 } et { $T5 }. Les niveaux, les classements et les comparaisons entre périodes conservent les unités présentant des ruptures.
# Intitulés des colonnes du tableau T7.
T7-columns =
    .country = Pays ou territoire
    .year = Année
    .change = Observation
    .rule = Règle
    .treatment = Traitement
# Ce que le tableau T7 a observé : un saut ($kind_order 0 : le taux et le nombre de l'année
# précédente et de l'année considérée) ou un taux publié comparé au taux calculé ($kind_order 1 ;
# $gap_per_cent : l'écart entre les deux, en pourcentage).
T7-change = { NUMBER($kind_order) ->
    [0] taux { DECIMALS($prev_rate, places: 2) } → { DECIMALS($rate, places: 2) } (nombre { DECIMALS($prev_count, places: 0) } → { DECIMALS($count, places: 0) })
   *[other] publié { DECIMALS($rate, places: 2) }, calculé { DECIMALS($computed_rate, places: 2) } (écart de { DECIMALS($gap_per_cent, places: 1) } %)
}
# La règle d'une ligne du tableau T7 : le contrôle de cohérence ($kind_order 1), ou une rupture
# confirmée ou possible ($status : confirmed ou possible).
T7-rule = { NUMBER($kind_order) ->
    [1] Taux incohérent avec le nombre d'enlèvements et la population (Banque mondiale) (écart > { PERCENT($rate_mismatch_tolerance, exact: 1) })
   *[other] { $status ->
        [confirmed] Rupture de série (taux ayant doublé ou diminué de moitié, durablement)
       *[other] Rupture de série possible (pas de données pour l'année suivante)
    }
}
# Situation d'une unité du tableau T7 au regard du panel : $panel_state vaut in_panel,
# out_by_break (sa rupture de l'année $first_break l'exclut), lacks_data ou country_reports.
T7-state = { $panel_state ->
    [in_panel] l'unité reste dans le panel et dans ses agrégats de tendance
    [out_by_break] l'unité est exclue du panel en raison de sa rupture survenue en { $first_break }
    [lacks_data] l'unité ne fait pas partie du panel, faute de données pour certaines années
   *[country_reports] l'unité ne fait pas partie du panel : son pays communique également des données pour certaines années
}
# Traitement d'une ligne du tableau T7. $case : check (un constat de cohérence), excluded (la
# rupture qui exclut l'unité), already (une rupture ultérieure d'une unité déjà exclue),
# first_year (un saut intervenant la première année), unconfirmed ; puis si l'année est marquée b
# dans le tableau T6 ($status confirmed) et si la variation entre périodes est marquée
# ($first_break absent : non). Sujets sous-entendus féminins (la série, la rupture, l'année).
T7-treatment = { $case ->
    [check] Taux publié conservé ; l'écart peut tenir à une autre estimation de la population ou à des arrondis
   *[other] { $case ->
        [excluded] Série exclue du panel et de ses agrégats de tendance
        [already] Série déjà exclue du panel en raison de sa rupture survenue en { $first_break }
        [first_year] Saut intervenant en { $year }, première année : pas de rupture à l'intérieur de la période ; { T7-state }
       *[unconfirmed] Rupture non confirmée : { T7-state }
    } ; { $status ->
        [confirmed] année { $year } marquée b
       *[other] année non marquée b
    }, variation entre périodes { NUMBER($first_break) ->
        [none] non marquée
       *[other] marquée b
    }
}

# Tableau T8 (annexe) : révisions depuis la version précédente. $revision_threshold (0–1).
T8 = Modifications depuis la version précédente : nombres révisés de plus de { PERCENT($revision_threshold) } et pays-années supprimés
    .note-1 = Comparaison par code de pays, année et unité de mesure (les noms changent d'une version à l'autre). Les taux sont révisés beaucoup plus souvent que les nombres, principalement en raison de la révision des estimations de population.
# Intitulés des colonnes du tableau T8.
T8-columns =
    .country = Pays ou territoire
    .year = Année
    .old_count = Version précédente
    .new_count = Présente version
    .change = Révision (en pourcentage)
    .status = Statut
# La cellule de statut du tableau T8 : $status est le code revised ou removed.
T8-status = { $status ->
    [removed] supprimé
   *[revised] révisé
}

# Tableau T9 (annexe) : autres publications des mêmes statistiques comparées à la présente version.
T9 = Les mêmes statistiques dans d'autres publications, comparées à la présente version
    .note-1 = Comparaison par pays, année et mesure. Concordance : nombres égaux ; taux égaux une fois le taux de la présente version arrondi comme dans l'autre publication (à une demi-unité près de son dernier chiffre : 0,05 pour une décimale, 0,005 pour deux). Les écarts sont absolus (en enlèvements ou en points de taux). Un tiret (–) indique une valeur nulle.
    .note-2 = Les microdonnées (enregistrements par municipalité ou par État, par mois, par sexe ou par âge) sont additionnées par pays-année. D'autres publications peuvent compter une autre unité (par exemple les victimes plutôt que les infractions) : un écart n'est pas nécessairement une erreur.
# Intitulés des colonnes du tableau T9.
T9-columns =
    .source = Autre publication
    .measure = Mesure
    .first_year = De
    .last_year = À
    .units = Pays et territoires
    .country_years = Pays-années
    .in_both = Également dans la présente version
    .agree = Concordants
    .median_gap = Écart médian
    .max_gap = Écart le plus important
# La cellule de mesure du tableau T9 : $unit est le code count ou rate.
T9-measure = { $unit ->
    [count] Enlèvements
   *[other] Taux pour 100 000 habitants
}

# Tableau T10 (annexe) : les règles de qualité des données et ce qu'elles ont relevé.
T10 = Règles et contrôles de qualité des données
    .note-1 = Les règles applicables aux lignes s'appliquent à chaque ligne source au moment de sa lecture : une ligne non conforme est écartée, avec le motif, et n'est pas utilisée. Les contrôles portent sur toutes les années de la version principale, et pas seulement sur la période { $first_year }–{ $last_year } ; ils signalent une valeur sans la modifier. Chaque constat est indiqué, avec le pays ou territoire et l'année concernés, dans les fichiers de données publiés avec le présent rapport. Un tiret (–) indique une valeur nulle.
# Intitulés des colonnes du tableau T10 (la première colonne, qui indique règle ou contrôle, n'en
# a pas).
T10-columns =
    .kind = { "" }
    .description = Règle
    .findings = Lignes ou pays-années signalés
    .spread = Sources ou unités concernées
# La première cellule d'une ligne du tableau T10 : $kind est le code row_rule ou check.
T10-kind = { $kind ->
    [row_rule] Règle applicable aux lignes
   *[other] Contrôle
}
# Ce qu'est une règle ou un contrôle du tableau T10, selon son code $rule ; $rate_mismatch_tolerance
# (0–1), $implausible_jump_factor et $implausible_jump_min_count sont ses paramètres. Là où
# l'anglais écrit FOLD($implausible_jump_factor), le français écrit « multiplié ou divisé par
# plus de { PLAIN($implausible_jump_factor) } ».
T10-description = { $rule ->
    [bad_value] Cellule dont le contenu ne correspond pas à sa colonne (ligne écartée)
    [negative_value] Nombre ou taux négatif (ligne écartée)
    [duplicate] Même pays, même année et même unité en double (ligne écartée)
    [unknown_code] Code ou nom de pays inconnu des tables de référence (ligne écartée)
    [rate_mismatch] Taux publié s'écartant de plus de { PERCENT($rate_mismatch_tolerance, exact: 1) } du rapport nombre ÷ population (Banque mondiale) × 100 000
    [implausible_jump] Nombre multiplié ou divisé par plus de { PLAIN($implausible_jump_factor) } d'une année à l'autre (l'une des deux années comptant au moins { PLAIN($implausible_jump_min_count) })
    [subnational_without_national] Unité infranationale communiquant des données pour une année où son pays n'en communique pas (présentée comme unité distincte)
   *[other] Unité infranationale communiquant des données pour une année où son pays en communique également (exclue des agrégats)
}
