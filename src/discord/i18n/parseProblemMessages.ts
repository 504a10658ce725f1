/**
 * The words for every curriculum problem code, as ICU MessageFormat texts in
 * each shipped language. Parameters are those the parser sets (see
 * src/domain/curriculum/parse/problemCodes.ts); quoted parameters are already
 * shortened excerpts of the document. `format` is "plain" or "markdown".
 */
import type { ProblemCode } from "../../domain/curriculum/curriculumModel.js";

const ITEM_EN = '"- [ ] Required -- Storage Engines (30 min)"';
const TOPIC_EN = '"- Internet fundamentals: HTTP, DNS, TCP/IP"';
const SECTION_EN = '"Week 1-2: Database Fundamentals"';
const PHASE = '"### Phase 1: Foundations (Weeks 1-4)"';
const ITEM_ES = '"- [ ] Required -- Motores de almacenamiento (30 min)"';
const TOPIC_ES = '"- Fundamentos de Internet: HTTP, DNS, TCP/IP"';
const SECTION_ES = '"Week 1-2: Fundamentos de bases de datos"';
const LINE = "{firstLine, number, ::group-off}";
const CLOSING_LINE = "{closingLine, number, ::group-off}";

const en: Record<ProblemCode, string> = {
  importerFailed: "The importer could not read this file ({reason}). Please report it.",
  parseTimedOut: "Reading this file took more than {seconds, number} seconds, so it was stopped. Please report it.",
  notText: "The curriculum must be given as text.",
  fileTooLarge: "The file is too large ({characters, number} characters; the limit is {limit, number}). Split it into smaller paths.",
  fileEmpty: `The file is empty. A curriculum starts with its title, then sections such as ${SECTION_EN}.`,
  moreProblems: "…and {count, number} more problems from here on; fix the ones above first.",
  lineTooLong: "Line is {length, number} characters long (the limit is {limit, number}); break it up.",
  controlCharacters: "This line contains control characters: the file does not look like plain text. Save the curriculum as UTF-8 text.",
  codeBlockUnclosed:
    "The code block opened on this line is never closed, so the rest of the file would be hidden: close it with a line of three backticks (or tildes, as it was opened).",
  codeBlockHidesSection: `The code block opened on this line hides the section heading on line {sectionLine, number, ::group-off}: close the code block before it (a line of three backticks).`,
  frontMatterHidesSection:
    'This section heading is inside the front matter (between the "---" lines at the top): move it below the closing "---".',
  frontMatterUnclosed: 'The front matter that starts here has no closing "---" line.',
  titleNotFirst: `The first line should be the path's title (e.g. "Backend Engineer Learning Path").`,
  titleHeadingEmpty: "The title heading has no text.",
  titleMissing:
    '{format, select, markdown {The curriculum has no title: start it with a heading such as "# Backend Engineer - Complete Mastery Path".} other {The curriculum has no title: its first line should be the path\'s title.}}',
  titleTooLong: 'The title "{title}" is {length, number} characters long; the limit is {limit, number}. Shorten it.',
  headingUnreadable: 'Section heading "{heading}" is not in a form the importer reads: write "Week 3: Title" or "Week 3-4: Title".',
  weekZero: 'Section heading "{heading}" uses week 0: weeks are numbered from 1.',
  weekRangeBackwards:
    'Section heading "{heading}" has its week range backwards ({start, number, ::group-off}-{end, number, ::group-off}): write it as {end, number, ::group-off}-{start, number, ::group-off}.',
  weekBeyondLimit: 'Section heading "{heading}" goes beyond week {limit, number}; check the week numbers.',
  headingWithoutTitle: 'Section heading "{heading}" has no title: write e.g. "Week {week, number, ::group-off}: Database Fundamentals".',
  phaseWithoutWeeks: `Phase heading "{heading}" needs a week range, e.g. ${PHASE}.`,
  noSections: `No sections found. Sections start with a heading such as ${SECTION_EN} (in Markdown also as a heading of any level, "## Week 1-2: …", or ${PHASE}), followed by their items.`,
  tooManySections: "The path has {count, number} sections; the limit is {limit, number}. Split it into smaller paths.",
  sectionWithoutItems: `Section "{section}" has no items: add at least one line like {format, select, markdown {${TOPIC_EN}} other {${ITEM_EN}}} under it.`,
  tooManyItems: 'Section "{section}" has {count, number} items; the limit is {limit, number} per section. Split it into several sections.',
  duplicateSection: `Section heading "{section}" repeats the one on line ${LINE}: merge the two sections or rename one.`,
  duplicateSectionKey: `Section "{section}" would get the same identity as the section on line ${LINE}; give it a more distinct title.`,
  sectionAfterClosing: `Section heading "{heading}" comes after the closing part of the path (which starts on line ${CLOSING_LINE}); move the closing lists to the end.`,
  itemWithoutKind: `Item "{item}" has no kind: write it like ${ITEM_EN} (kinds: Required, Optional, Reference).`,
  unknownKind: 'Unknown item kind "{kind}": use Required, Optional or Reference.',
  itemWithoutTitle: `Item has no title: write it like ${ITEM_EN}.`,
  durationUnreadable:
    'Item "{item}": cannot read the duration "({duration})": write it like "(30 min)", "(1 hour)", "(1.5 hours)" or "(1h 30min)". If the parenthesis is part of the title, add the duration after it.',
  durationTooShort: 'Item "{item}": the duration "({duration})" must be at least 1 minute.',
  durationTooLong:
    'Item "{item}": the duration "({duration})" is more than {hours, number} hours; check for a typo or split the reading up.',
  itemBeforeFirstSection: `Item before the first section: put it under a section heading such as ${SECTION_EN}.`,
  itemOutsidePhase: `Item outside any phase: put it under a heading such as ${PHASE}.`,
  itemAfterClosing: `Item "{item}" comes after the closing part of the path (which starts on line ${CLOSING_LINE}); move it into a section.`,
  emptyTopic: `Empty topic in phase "{section}": write it like ${TOPIC_EN} or remove the line.`,
  listLineNotItem: `List line "{text}" inside section "{section}" is not an item: write it like ${ITEM_EN}.`,
  unexpectedLine: `{format, select, markdown {Unexpected line "{text}" after the topics of phase "{section}": make it a topic (${TOPIC_EN}) or a group label ("**Group:**"), or move it above the topics.} other {Unexpected line "{text}" in section "{section}": expected an item (${ITEM_EN}), a group heading followed by items, or "Checkpoint" followed by its paragraph.}}`,
  groupWithoutName: "A group heading needs a name before the colon.",
  needsSectionFirst: `"{text}" must come after a section heading such as ${SECTION_EN}.`,
  estimateRepeated: 'Section "{section}" already has an estimated reading time; keep one.',
  estimateUnreadable: 'Cannot read the reading time "{value}": write it like "6 hours", "3.5 hours" or "45 min".',
  estimateTooShort: 'The reading time "{value}" must be at least 1 minute.',
  estimateTooLong: 'The reading time "{value}" is more than {hours, number} hours; check for a typo.',
  checkpointRepeated: `Section "{section}" already has a Checkpoint (line ${LINE}); keep one.`,
  checkpointWithoutText: '"Checkpoint" must be followed by the checkpoint paragraph on the next line.',
  checkpointNotInline: 'Write the checkpoint text on the same line: "**Checkpoint:** After this phase you can …".',
};

// The document keywords (Week, Required, Checkpoint, …) are what the parser reads, so they stay in English.
const es: Record<ProblemCode, string> = {
  importerFailed: "El importador no pudo leer este archivo ({reason}). Por favor, infórmanos.",
  parseTimedOut: "Leer este archivo tardó más de {seconds, number} segundos, así que se detuvo. Por favor, infórmanos.",
  notText: "El plan de estudios debe enviarse como texto.",
  fileTooLarge:
    "El archivo es demasiado grande ({characters, number} caracteres; el límite es {limit, number}). Divídelo en rutas más pequeñas.",
  fileEmpty: `El archivo está vacío. Un plan de estudios empieza por su título y sigue con secciones como ${SECTION_ES}.`,
  moreProblems: "…y {count, number} problemas más a partir de aquí; corrige primero los de arriba.",
  lineTooLong: "La línea tiene {length, number} caracteres (el límite es {limit, number}); divídela.",
  controlCharacters:
    "Esta línea contiene caracteres de control: el archivo no parece texto plano. Guarda el plan de estudios como texto UTF-8.",
  codeBlockUnclosed:
    "El bloque de código que se abre en esta línea nunca se cierra, así que el resto del archivo quedaría oculto: ciérralo con una línea de tres comillas invertidas (o virgulillas, como se abrió).",
  codeBlockHidesSection: `El bloque de código que se abre en esta línea oculta el encabezado de sección de la línea {sectionLine, number, ::group-off}: cierra el bloque antes (con una línea de tres comillas invertidas).`,
  frontMatterHidesSection:
    'Este encabezado de sección está dentro de los metadatos iniciales (entre las líneas "---" del principio): muévelo debajo del "---" de cierre.',
  frontMatterUnclosed: 'Los metadatos iniciales que empiezan aquí no tienen la línea de cierre "---".',
  titleNotFirst: 'La primera línea debe ser el título de la ruta (p. ej., "Ruta de aprendizaje de backend").',
  titleHeadingEmpty: "El encabezado del título no tiene texto.",
  titleMissing:
    '{format, select, markdown {El plan de estudios no tiene título: empieza con un encabezado como "# Ruta completa de ingeniería backend".} other {El plan de estudios no tiene título: su primera línea debe ser el título de la ruta.}}',
  titleTooLong: 'El título "{title}" tiene {length, number} caracteres; el límite es {limit, number}. Acórtalo.',
  headingUnreadable:
    'El encabezado de sección "{heading}" no tiene una forma que el importador entienda: escribe "Week 3: Título" o "Week 3-4: Título".',
  weekZero: 'El encabezado de sección "{heading}" usa la semana 0: las semanas se numeran desde 1.',
  weekRangeBackwards:
    'El encabezado de sección "{heading}" tiene el rango de semanas al revés ({start, number, ::group-off}-{end, number, ::group-off}): escríbelo como {end, number, ::group-off}-{start, number, ::group-off}.',
  weekBeyondLimit: 'El encabezado de sección "{heading}" pasa de la semana {limit, number}; revisa los números de semana.',
  headingWithoutTitle:
    'El encabezado de sección "{heading}" no tiene título: escribe p. ej. "Week {week, number, ::group-off}: Fundamentos de bases de datos".',
  phaseWithoutWeeks: `El encabezado de fase "{heading}" necesita un rango de semanas, p. ej. ${PHASE}.`,
  noSections: `No se encontraron secciones. Las secciones empiezan con un encabezado como ${SECTION_ES} (en Markdown también como encabezado de cualquier nivel, "## Week 1-2: …", o ${PHASE}), seguido de sus elementos.`,
  tooManySections: "La ruta tiene {count, number} secciones; el límite es {limit, number}. Divídela en rutas más pequeñas.",
  sectionWithoutItems: `La sección "{section}" no tiene elementos: añade debajo al menos una línea como {format, select, markdown {${TOPIC_ES}} other {${ITEM_ES}}}.`,
  tooManyItems:
    'La sección "{section}" tiene {count, number} elementos; el límite es {limit, number} por sección. Divídela en varias secciones.',
  duplicateSection: `El encabezado de sección "{section}" repite el de la línea ${LINE}: une las dos secciones o cambia el nombre de una.`,
  duplicateSectionKey: `La sección "{section}" tendría la misma identidad que la sección de la línea ${LINE}; dale un título más distinto.`,
  sectionAfterClosing: `El encabezado de sección "{heading}" aparece después de la parte final de la ruta (que empieza en la línea ${CLOSING_LINE}); mueve las listas finales al final.`,
  itemWithoutKind: `El elemento "{item}" no tiene tipo: escríbelo como ${ITEM_ES} (tipos: Required, Optional, Reference).`,
  unknownKind: 'Tipo de elemento desconocido "{kind}": usa Required, Optional o Reference.',
  itemWithoutTitle: `El elemento no tiene título: escríbelo como ${ITEM_ES}.`,
  durationUnreadable:
    'Elemento "{item}": no se puede leer la duración "({duration})": escríbela como "(30 min)", "(1 hour)", "(1.5 hours)" o "(1h 30min)". Si el paréntesis forma parte del título, añade la duración después.',
  durationTooShort: 'Elemento "{item}": la duración "({duration})" debe ser de al menos 1 minuto.',
  durationTooLong:
    'Elemento "{item}": la duración "({duration})" supera las {hours, number} horas; revisa si hay una errata o divide la lectura.',
  itemBeforeFirstSection: `Elemento antes de la primera sección: ponlo bajo un encabezado de sección como ${SECTION_ES}.`,
  itemOutsidePhase: `Elemento fuera de cualquier fase: ponlo bajo un encabezado como ${PHASE}.`,
  itemAfterClosing: `El elemento "{item}" aparece después de la parte final de la ruta (que empieza en la línea ${CLOSING_LINE}); muévelo a una sección.`,
  emptyTopic: `Tema vacío en la fase "{section}": escríbelo como ${TOPIC_ES} o elimina la línea.`,
  listLineNotItem: `La línea de lista "{text}" de la sección "{section}" no es un elemento: escríbela como ${ITEM_ES}.`,
  unexpectedLine: `{format, select, markdown {Línea inesperada "{text}" después de los temas de la fase "{section}": conviértela en un tema (${TOPIC_ES}) o en una etiqueta de grupo ("**Grupo:**"), o muévela encima de los temas.} other {Línea inesperada "{text}" en la sección "{section}": se esperaba un elemento (${ITEM_ES}), un encabezado de grupo seguido de elementos, o "Checkpoint" seguido de su párrafo.}}`,
  groupWithoutName: "Un encabezado de grupo necesita un nombre antes de los dos puntos.",
  needsSectionFirst: `"{text}" debe ir después de un encabezado de sección como ${SECTION_ES}.`,
  estimateRepeated: 'La sección "{section}" ya tiene un tiempo de lectura estimado; deja uno.',
  estimateUnreadable: 'No se puede leer el tiempo de lectura "{value}": escríbelo como "6 hours", "3.5 hours" o "45 min".',
  estimateTooShort: 'El tiempo de lectura "{value}" debe ser de al menos 1 minuto.',
  estimateTooLong: 'El tiempo de lectura "{value}" supera las {hours, number} horas; revisa si hay una errata.',
  checkpointRepeated: `La sección "{section}" ya tiene un Checkpoint (línea ${LINE}); deja uno.`,
  checkpointWithoutText: '"Checkpoint" debe ir seguido del párrafo del checkpoint en la línea siguiente.',
  checkpointNotInline: 'Escribe el texto del checkpoint en la misma línea: "**Checkpoint:** Después de esta fase puedes …".',
};

export const parseProblemMessages: { readonly en: Record<ProblemCode, string>; readonly es: Record<ProblemCode, string> } = { en, es };
