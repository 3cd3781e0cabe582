### Слова самого документа (шапка, ссылки, заголовки), русский.
### Предварительный перевод, не проверенный лингвистическими службами Организации Объединенных Наций.
### Reviewed: no
### Reviewer: —
### Date: 2026-12-08
### Следует английскому оригиналу (locales/en/document.ftl). Шапка: "Russian / Original: English"
### латиницей (LANGUAGES.md; не установлено окончательно). .author стоит в родительном падеже.

# Stands in this language's document for an authored chapter (or Summary) not yet translated;
# $file is the original's file (chapters/introduction.md). Markdown: keep it one paragraph.
document-untranslated = [Требует перевода: текст файла { $file }.]
# Under the masthead of a document whose catalogue has not been reviewed.
document-provisional = Предварительный перевод, не проверенный лингвистическими службами Организации Объединенных Наций.
# The masthead and the title block. .language names the document's language (above the
# "Original" line); .author-line: $author is .author.
document-masthead =
    .united-nations = Организация Объединенных Наций
    .organ = Экономический и Социальный Совет
    .distribution = Distr.: General
    .language = Russian
    .original = Original: English
    .commission = Комиссия по предупреждению преступности и уголовному правосудию
    .agenda-item = Пункт { $number } предварительной повестки дня
    .title = Международное сотрудничество в целях предупреждения похищения людей, борьбы с ним и его искоренения и оказания помощи жертвам похищений
    .author = Директора-исполнителя
    .author-line = Доклад { $author }
# What a placeholder says when the pipeline does not give the value (printed in brackets).
document-slots =
    .symbol = условное обозначение
    .date = дата представления
    .session = сессия
    .place = место и даты проведения
    .number = номер
    .agenda-title = название пункта повестки дня
    .agenda-symbol = условное обозначение предварительной повестки дня
# How a cross-reference names what it cites, before its number; -one before one number,
# -other before several; .and joins the last two. The number always comes last.
document-references =
    .figure-one = диаграмма
    .figure-other = диаграммы
    .table-one = таблица
    .table-other = таблицы
    .annex-table-one = приложение, таблица
    .annex-table-other = приложение, таблицы
    .para-one = пункт
    .para-other = пункты
    .and = и
# Headings and notices: the Summary's heading, the annex's title, an empty table's row, the
# words before a figure's name over its data table, the source line; the names a screen
# reader gives the footnotes, a footnote mark and the link back. .symbols stands under each table of the workbook; .population follows the
# sources of a rate: $citation, the population source; $vintage, its date.
document-headings =
    .summary = Резюме
    .annex = Статистическое приложение
    .no-data = Данные для настоящего доклада отсутствуют.
    .data-for = Данные:
    .source = Источник:
    .population = население: { $citation } (данные на { $vintage })
    .symbols = Условные обозначения: «..» — данные отсутствуют.
    .notes = Примечания
    .note = примечание
    .back = назад
