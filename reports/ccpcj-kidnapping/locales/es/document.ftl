### Las palabras del propio documento (encabezado, remisiones, títulos), español.
### Traducción provisional, no revisada por los servicios lingüísticos de las Naciones Unidas.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Sigue el original inglés (locales/en/document.ftl).

# Stands in this language's document for an authored chapter (or Summary) not yet translated;
# $file is the original's file (chapters/introduction.md). Markdown: keep it one paragraph.
document-untranslated = [Pendiente de traducción: el texto de { $file }.]
# Under the masthead of a document whose catalogue has not been reviewed.
document-provisional = Traducción provisional, no revisada por los servicios lingüísticos de las Naciones Unidas.
# The masthead and the title block. .language names the document's language (above the
# "Original" line); .author-line: $author is .author.
document-masthead =
    .united-nations = Naciones Unidas
    .organ = Consejo Económico y Social
    .distribution = Distr. general
    .language = Español
    .original = Original: inglés
    .commission = Comisión de Prevención del Delito y Justicia Penal
    .agenda-item = Tema { $number } del programa provisional
    .title = Cooperación internacional para prevenir, combatir y eliminar el secuestro y prestar asistencia a las víctimas
    .author = Director Ejecutivo
    .author-line = Informe del { $author }
# What a placeholder says when the pipeline does not give the value (printed in brackets).
document-slots =
    .symbol = signatura
    .date = fecha de presentación
    .session = período de sesiones
    .place = lugar y fechas
    .number = número
    .agenda-title = título del tema del programa
    .agenda-symbol = signatura del programa provisional
# How a cross-reference names what it cites, before its number; -one before one number,
# -other before several; .and joins the last two. The number always comes last.
document-references =
    .figure-one = gráfico
    .figure-other = gráficos
    .table-one = cuadro
    .table-other = cuadros
    .annex-table-one = anexo, cuadro
    .annex-table-other = anexo, cuadros
    .para-one = párr.
    .para-other = párrs.
    .and = y
# Headings and notices: the Summary's heading, the annex's title, an empty table's row, the
# words before a figure's name over its data table, the source line; the names a screen
# reader gives the footnotes, a footnote mark and the link back. .symbols stands under each table of the workbook; .population follows the
# sources of a rate: $citation, the population source; $vintage, its date.
document-headings =
    .summary = Resumen
    .annex = Anexo estadístico
    .no-data = No hay datos para el presente informe.
    .data-for = Datos del
    .source = Fuente:
    .population = población: { $citation } (edición de { $vintage })
    .symbols = Signos: “..” dato no disponible.
    .notes = Notas
    .note = nota
    .back = volver
