### Les mots du document lui-même (masthead, renvois, intitulés), français.
### Traduction provisoire, non revue par les services linguistiques de l'Organisation des Nations Unies.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Suit l'original anglais (locales/en/document.ftl).

# Stands in this language's document for an authored chapter (or Summary) not yet translated;
# $file is the original's file (chapters/introduction.md). Markdown: keep it one paragraph.
document-untranslated = [À traduire : le texte de { $file }.]
# Under the masthead of a document whose catalogue has not been reviewed.
document-provisional = Traduction provisoire, non revue par les services linguistiques de l'Organisation des Nations Unies.
# The masthead and the title block. .language names the document's language (above the
# "Original" line); .author-line: $author is .author.
document-masthead =
    .united-nations = Nations Unies
    .organ = Conseil économique et social
    .distribution = Distr. générale
    .language = Français
    .original = Original : anglais
    .commission = Commission pour la prévention du crime et la justice pénale
    .agenda-item = Point { $number } de l'ordre du jour provisoire
    .title = Coopération internationale en vue de prévenir, combattre et éliminer l'enlèvement et de fournir une assistance aux victimes
    .author = Directeur exécutif
    .author-line = Rapport du { $author }
# What a placeholder says when the pipeline does not give the value (printed in brackets).
document-slots =
    .symbol = cote
    .date = date de présentation
    .session = session
    .place = lieu et dates
    .number = numéro
    .agenda-title = intitulé du point de l'ordre du jour
    .agenda-symbol = cote de l'ordre du jour provisoire
# How a cross-reference names what it cites, before its number; -one before one number,
# -other before several; .and joins the last two. The number always comes last.
document-references =
    .figure-one = figure
    .figure-other = figures
    .table-one = tableau
    .table-other = tableaux
    .annex-table-one = annexe, tableau
    .annex-table-other = annexe, tableaux
    .para-one = par.
    .para-other = par.
    .and = et
# Headings and notices: the Summary's heading, the annex's title, an empty table's row, the
# words before a figure's name over its data table, the source line; the names a screen
# reader gives the footnotes, a footnote mark and the link back. .symbols stands under each table of the workbook; .population follows the
# sources of a rate: $citation, the population source; $vintage, its date.
document-headings =
    .summary = Résumé
    .annex = Annexe statistique
    .no-data = Aucune donnée pour le présent rapport.
    .data-for = Données de la
    .source = Source :
    .population = population : { $citation } (millésime : { $vintage })
    .symbols = Signes : « .. » donnée non disponible.
    .notes = Notes
    .note = note
    .back = retour
