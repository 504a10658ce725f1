import type { Catalogue } from "../Catalogue.js";
import type { LanguageFile } from "../languages.js";
import type { CommandTexts } from "../localizeCommand.js";

/** Spanish (es-ES, also served to es-419). Same keys and ICU parameters as en.ts. */
export const es: Catalogue = {
  "generic.unexpected":
    "Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento. Si sigue pasando, da esta referencia a un administrador: `{reference}`.",
  "generic.databaseBusy":
    "La base de datos del bot está ocupada ahora mismo, así que no se ha cambiado nada. Vuelve a intentarlo en un momento.",
  "generic.guildOnly": "Este comando funciona dentro de un servidor, no en mensajes directos.",
  "generic.fileTooLarge":
    "Discord ha rechazado el archivo por ser demasiado grande para adjuntarlo aquí, así que no se ha enviado; volver a intentarlo no servirá.{cohortExport, select, yes { Prueba con `formato:JSON` o `formato:CSV (hojas de cálculo)` (el que no hayas usado); si los dos son demasiado grandes, pide a quien aloja el bot que exporte la cohorte desde la base de datos.} other {}}",
  "generic.unknownCommand":
    "Este comando ya no está disponible, así que no se ha hecho nada. Si Discord sigue mostrándolo cuando vuelvas a abrir la lista de comandos, avisa a un administrador: puede que este servidor aún tenga registrada una copia antigua del comando.",
  "generic.outdatedCommand":
    "Este comando ha cambiado desde que Discord te lo mostró, así que no se ha hecho nada. Vuelve a probarlo cuando Discord muestre sus nuevas opciones; si sigue igual, avisa a un administrador: puede que este servidor aún tenga registrada una copia antigua del comando.",
  "generic.unknownButton": "Este botón ha caducado. Vuelve a ejecutar el comando para obtener uno nuevo.",
  "generic.staleButton":
    "Este botón está desactualizado: aquello a lo que se refería, o su cohorte, ya no está (el plan de estudios o la cohorte han cambiado desde entonces). Vuelve a ejecutar el comando para obtener botones nuevos.",

  "permissions.manageServerRequired": "Solo los miembros con el permiso **Gestionar servidor** pueden hacer esto.",
  "permissions.channelNotPostable":
    "No puedo publicar en {channel}. Dame allí los permisos **Ver canal**, **Enviar mensajes** e **Insertar enlaces**, o elige otro canal.",
  "permissions.channelMissingPermissions":
    "No puedo publicar en {channel}: {count, plural, one {me falta allí el permiso {permissions}} other {me faltan allí los permisos {permissions}}}. {count, plural, one {Dámelo} other {Dámelos}} en los ajustes del canal, o elige otro canal.",
  "permission.name":
    "{code, select, view_channel {Ver canal} send_messages {Enviar mensajes} embed_links {Insertar enlaces} read_message_history {Leer el historial de mensajes} other {{code}}}",
  "permissions.channelNotText": "{channel} no es un canal de texto. Elige un canal de texto para las publicaciones de la cohorte.",

  "cohort.noneInServer": "Aún no hay cohortes en este servidor. Un administrador puede crear una con `/cohorte crear`.",
  "cohort.notMemberOfAny": "No eres miembro de ninguna cohorte de este servidor. Usa `/unirse` para unirte a una.",
  "cohort.ambiguous": "Estás en varias cohortes: {names}. Elige una con la opción `cohorte`.",
  "cohort.ambiguousShared": "Compartes varias cohortes con esa persona: {names}. Elige una con la opción `cohorte`.",
  "cohort.noneShared": "Esa persona no está en ninguna de tus cohortes, así que no hay progreso suyo que mostrarte.",
  "cohort.ambiguousAdmin": "Este servidor tiene varias cohortes: {names}. Elige una con la opción `cohorte`.",
  "cohort.ambiguousName":
    "Varias cohortes tienen un nombre que se lee como **{name}**: {names}. Elige una de la lista o escríbela tal como está escrita (si su nombre aparece con #, escribe solo ese número).",
  "cohort.unknown":
    "No hay ninguna cohorte llamada «{value}» en este servidor. Empieza a escribir en la opción `cohorte` para ver las opciones.",
  "cohort.notJoined": "No eres miembro de **{name}**. Usa antes `/unirse` y elígela en la opción `cohorte`.",
  "cohort.nameTaken": "Este servidor ya tiene una cohorte llamada **{name}**. Elige otro nombre.",
  "cohort.changedMeanwhile":
    "La cohorte o sus publicaciones cambiaron mientras se guardaba (otra edición, o una publicación que salía), así que no se cambió nada. Vuelve a intentar la edición.",
  "cohort.nameInvalid": "El nombre de una cohorte necesita entre 1 y 80 caracteres.",
  "cohort.nameShowsNothing":
    "El nombre de una cohorte necesita entre 1 y 80 caracteres, y este no muestra nada: solo tiene caracteres invisibles (como espacios de ancho cero). Usa letras, números o símbolos.",
  "cohort.ended": "**{name}** ha terminado: ya no admite miembros nuevos ni permite marcar nada como hecho.",
  "cohort.finishedNoCompletions": "**{name}** ha finalizado: ya no admite miembros nuevos ni permite marcar nada como hecho.",
  "cohort.endedNoChange": "**{name}** ha terminado: ya no se publica nada en su canal y su calendario ya no cambia.",
  "cohort.finishedNoChange":
    "**{name}** ha finalizado: su curso ha acabado, así que su calendario ya no cambia. Su nombre, canal, idioma y ajustes de clasificación sí pueden cambiar.",
  "cohort.alreadyPaused": "**{name}** ya está en pausa.",
  "cohort.notPaused": "**{name}** no está en pausa.",
  "cohort.alreadyEnded": "**{name}** ya ha terminado.",
  "cohort.nothingToEdit": "Indica al menos una opción que cambiar.",
  "cohort.startCourseOver":
    "Una cohorte que empiece el **{start}** ya habría terminado: {weeks, plural, one {su # semana terminó} other {sus # semanas terminaron}} el **{lastDay}**, así que nunca se publicaría nada. Elige una fecha de `inicio` posterior (AAAA-MM-DD).",
  "cohort.startTooFar":
    "Una cohorte que empiece el **{start}** quedaría demasiado lejos en el futuro: el calendario del bot termina con el año 9999 y, dejando margen para ampliaciones y descansos, la fecha de inicio más tardía que el bot acepta para este plan de estudios es el **{latest}**. Elige una fecha de `inicio` anterior (AAAA-MM-DD).",
  "cohort.otherNotMember": "Esa persona no es miembro de **{name}**.",

  "curriculum.unknown": "No hay ningún plan de estudios llamado «{value}». Empieza a escribir en la opción `plan` para ver las opciones.",
  "curriculum.none": "Aún no hay planes de estudios. Un administrador puede importar uno con `/plan importar`.",
  "curriculum.pickOne": "Hay varios planes de estudios disponibles: {titles}. Elige uno con la opción `plan`.",
  "curriculum.fileTooLarge": "Ese archivo es demasiado grande. Los planes de estudios pueden ocupar como máximo {maxKb, number} KB.",
  "curriculum.fileNotText": "Ese archivo no es de texto. Adjunta el plan como archivo .md o .txt.",
  "curriculum.fileUnreadable": "No he podido descargar ese adjunto. Vuelve a adjuntarlo.",
  "curriculum.malformed": "Ese archivo no se ha importado; no ha cambiado nada. Corrige esto y vuelve a intentarlo:",
  "curriculum.problemLine": "• línea {line, number}: {message}",
  "curriculum.moreProblems": "…y {count, number} más.",

  "cohortAdmin.created": "**{name}** está lista y publicará en {channel}. Los miembros se unen con `/unirse`; revisa los ajustes de abajo.",
  "cohortAdmin.edited": "Guardado. Estos son ahora los ajustes de **{name}**.",
  "cohortAdmin.unchanged": "No ha cambiado nada: **{name}** ya tiene estos ajustes.",
  "cohortAdmin.weekPostsLeftUp":
    "{count, plural, one {La publicación ya enviada de la semana {weeks} sigue en el canal} other {Las publicaciones ya enviadas de las semanas {weeks} siguen en el canal}}: el bot no borra mensajes, así que bórra{count, plural, one {la} other {las}} en Discord si ya no {count, plural, one {encaja} other {encajan}}. Las semanas movidas se anuncian de nuevo a sus nuevas horas.",
  "cohortAdmin.paused": "**{name}** está en pausa: ni publicaciones ni recordatorios hasta que ejecutes `/cohorte reanudar`.",
  "cohortAdmin.resumed":
    "**{name}** vuelve a funcionar: las publicaciones y los recordatorios se reanudan. Las publicaciones que tocaban mientras estaba en pausa salen ahora si llevan menos de 24 horas de retraso; las que llevan más retraso no se envían, salvo la publicación de cierre: si el curso terminó mientras tanto, sale ahora, aunque llegue tarde.",
  "cohortAdmin.ended":
    "**{name}** ha terminado: su publicación de cierre con la clasificación final sale si aún no ha salido, y después no habrá más publicaciones, recordatorios ni miembros nuevos. Los miembros conservan su historial y sus puntos.",
  "cohortAdmin.pausedNote": "En pausa: no se publica nada ni se envían recordatorios hasta `/cohorte reanudar`.",
  "cohortAdmin.endedNote": "Terminada: la cohorte ya no publica nada.",
  "cohortAdmin.noMorePosts": "No queda ninguna.",
  "cohortAdmin.noMoreCheckpoints": "No queda ninguno.",
  "cohortAdmin.moreCohorts": "…y {count, number} más. Usa `/cohorte info` para ver una.",

  "curriculumAdmin.created": "Importado **{title}** como plan de estudios nuevo (`{slug}`). Úsalo con `/cohorte crear plan:{slug}`.",
  "curriculumAdmin.updated":
    "Actualizado **{title}**. Las cohortes que lo usan ven la nueva versión; los miembros conservan lo que completaron de {timed, select, yes {las lecturas} other {los temas}} que siguen en él.",
  "curriculumAdmin.unchanged":
    "**{title}** ya está al día: este archivo es igual que el de la última importación, así que no ha cambiado nada.",
  "curriculumAdmin.replacesBuiltIn":
    "Un plan de estudios incluido tiene el mismo nombre: en este servidor, `/cohorte crear` y `/plan lista` usan ahora esta importación en su lugar. Las cohortes que ya usan el incluido lo conservan.",
  "curriculumAdmin.counts":
    "{sections, plural, one {# sección} other {# secciones}}, {timed, select, yes {{items, plural, one {# lectura} other {# lecturas}}} other {{items, plural, one {# tema} other {# temas}}}}.",
  "curriculumAdmin.kept":
    "{timed, select, yes {{removed, plural, one {# lectura eliminada} other {# lecturas eliminadas}}{retired, plural, =0 {} one {; se conserva # oculta porque hay miembros que la completaron} other {; se conservan # ocultas porque hay miembros que las completaron}}} other {{removed, plural, one {# tema eliminado} other {# temas eliminados}}{retired, plural, =0 {} one {; se conserva # oculto porque hay miembros que lo completaron} other {; se conservan # ocultos porque hay miembros que los completaron}}}}.",
  "curriculumAdmin.moreItems": "…y {count, number} más",
  "curriculumAdmin.moreSections": "…y {count, plural, one {# sección más} other {# secciones más}} (demasiado largo para mostrarlo aquí).",
  "curriculumAdmin.moreCurricula": "…y {count, number} más",

  // --- Re-import diff and confirmation (issue 10, item 3) ---
  "curriculumImport.heading": "Revisa esta actualización antes de guardarla",
  "curriculumImport.intro":
    "**{title}** (`{slug}`) ya existe. Esto es lo que cambiaría el archivo; no se guarda nada hasta que pulses Confirmar (en los próximos {minutes, number} minutos).",
  "curriculumImport.summary":
    "{timed, select, yes {{added, plural, one {# añadida} other {# añadidas}} · {removed, plural, one {# eliminada} other {# eliminadas}} · {changed, plural, one {# modificada} other {# modificadas}}} other {Temas: {added, plural, one {# añadido} other {# añadidos}} · {removed, plural, one {# eliminado} other {# eliminados}} · {changed, plural, one {# modificado} other {# modificados}}}} · {kept, number} sin cambios",
  "curriculumImport.affected":
    "{timed, select, yes {{completions, plural, =0 {Ningún miembro había completado ninguna lectura eliminada: no se retira nada.} one {Se retira # registro de una lectura eliminada ({members, plural, one {# miembro} other {# miembros}}): los puntos se mantienen, pero la lectura sale de su plan.} other {Se retiran # registros de lecturas eliminadas ({members, plural, one {# miembro} other {# miembros}}): los puntos se mantienen, pero esas lecturas salen de sus planes.}}} other {{completions, plural, =0 {Ningún miembro había completado ningún tema eliminado: no se retira nada.} one {Se retira # registro de un tema eliminado ({members, plural, one {# miembro} other {# miembros}}): los puntos se mantienen, pero el tema sale de su plan.} other {Se retiran # registros de temas eliminados ({members, plural, one {# miembro} other {# miembros}}): los puntos se mantienen, pero esos temas salen de sus planes.}}}}",
  "curriculumImport.endingCohorts":
    "⚠️ La nueva versión dura {weeks, plural, one {# semana} other {# semanas}} (antes {previous, number}): {count, plural, one {esta cohorte en curso ya ha pasado ese punto, así que su curso terminaría de inmediato} other {estas cohortes en curso ya han pasado ese punto, así que sus cursos terminarían de inmediato}}: {names}{more, plural, =0 {} other { y # más}}.{paused, plural, =0 {} one { # de ellas está en pausa: su curso termina cuando se reanude, y su publicación de cierre sale entonces.} other { # de ellas están en pausa: sus cursos terminan cuando se reanuden, y sus publicaciones de cierre salen entonces.}}",
  "curriculumImport.finishedCohortsKeep":
    "Las cohortes finalizadas conservan el curso que terminaron: {count, plural, one {# cohorte finalizada que lo usa no recibe} other {# cohortes finalizadas que lo usan no reciben}} ninguna de las semanas nuevas.",
  "curriculumImport.addedField": "{timed, select, yes {Añadidas} other {Temas añadidos}} ({count, number})",
  "curriculumImport.removedField": "{timed, select, yes {Eliminadas} other {Temas eliminados}} ({count, number})",
  "curriculumImport.changedField": "{timed, select, yes {Modificadas} other {Temas modificados}} ({count, number})",
  "curriculumImport.titleLine": "• {title}",
  "curriculumImport.sectionsField": "Secciones movidas o renombradas ({count, number})",
  "curriculumImport.sectionLine":
    "• {title}{moved, select, yes {: {previousWeeks} → {weeks}} other {}}{renamed, select, yes { (antes {previousTitle})} other {}}",
  "curriculumImport.more": "…y {count, number} más",
  "curriculumImport.confirm": "Confirmar actualización",
  "curriculumImport.cancel": "Cancelar",
  "curriculumImport.cancelledHeading": "Actualización cancelada",
  "curriculumImport.cancelledBody": "No ha cambiado nada: `{slug}` sigue como estaba.",
  "curriculumImport.unknown": "Esa actualización no está disponible. Vuelve a subir el archivo con `/plan importar`.",
  "curriculumImport.notYours": "Solo el administrador que subió este archivo puede confirmarlo o cancelarlo.",
  "curriculumImport.alreadyApplied": "Esta actualización ya se confirmó: se importó una vez y no ha cambiado nada más.",
  "curriculumImport.cancelled": "Esta actualización se canceló, así que no ha cambiado nada. Vuelve a subir el archivo para importarlo.",
  "curriculumImport.expired":
    "Esta actualización esperó demasiado y caducó; no ha cambiado nada. Vuelve a subir el archivo con `/plan importar`.",
  "curriculumImport.stale":
    "El plan de estudios cambió después de esta vista previa, así que no se importó nada. Vuelve a subir el archivo para ver lo que cambiaría ahora.",
  "curriculumImport.slugTaken":
    "No se importó nada: **{title}** ya tiene el identificador `{slug}`, y el título de este archivo tendría el mismo (solo se diferencian en caracteres que un identificador omite), así que importarlo reemplazaría ese plan de estudios. Cambia la primera línea del archivo (su título), por ejemplo añadiendo una palabra, y vuelve a importarlo.",
  "curriculumImport.importerUnavailable":
    "El importador se está reiniciando tras un fallo propio, así que aún no se importó nada. Vuelve a pulsar Confirmar dentro de {seconds, plural, one {# segundo} other {# segundos}}.",
  "curriculumImport.importerFailed":
    "El importador no pudo leer esta actualización (un fallo propio, no del archivo), así que no se importó nada. Por favor, infórmalo.",
  // --- end of re-import block ---

  "input.invalidDate":
    "{reason, select, format {«{value}» no sigue el formato AAAA-MM-DD: escribe el año, el mes y el día en ese orden, por ejemplo 2027-03-01.} year {«{value}» tiene un año anterior al 1000: escribe el año completo, con sus cuatro cifras (AAAA-MM-DD), por ejemplo 2027-03-01.} other {«{value}» no es una fecha que exista. Usa AAAA-MM-DD, por ejemplo 2027-03-01.}}",
  "input.invalidTimeZone": "«{value}» no es una zona horaria que conozca. Usa un nombre IANA como Europe/Madrid o America/Mexico_City.",
  "input.timeZoneTypo":
    "«{value}» no es una zona horaria que conozca: ¿quisiste decir {suggestions}? Las zonas horarias son nombres IANA como Europe/Madrid o America/Mexico_City.",
  "input.timeZoneAbbreviation":
    "«{value}» es una abreviatura, que yo leería como {readAs}: quizá no sea tu hora, porque las mismas letras nombran zonas distintas y pueden no seguir el horario de verano. Usa un nombre de lugar como Europe/Madrid o America/Mexico_City (empieza a escribir en `zona_horaria` para verlos).",
  // The CLI's wording: `simulate` takes the date as --start.
  "cli.startTooFar":
    "Una cohorte que empiece el **{start}** quedaría demasiado lejos en el futuro: el calendario del bot termina con el año 9999 y, dejando margen para ampliaciones y descansos, la fecha de inicio más tardía que el bot acepta para este plan de estudios es el **{latest}**. Da a --start una fecha anterior (AAAA-MM-DD).",
  // The CLI's wording of the same mistake: it has --tz and no autocomplete.
  "cli.timeZoneAbbreviation":
    "«{value}» es una abreviatura, que yo leería como {readAs}: quizá no sea tu hora, porque las mismas letras nombran zonas distintas y pueden no seguir el horario de verano. Da a --tz un nombre de lugar como Europe/Madrid o America/Mexico_City (un nombre de zona horaria IANA).",
  "input.invalidClock": "«{value}» no es una hora del día. Usa HH:MM en formato de 24 horas, por ejemplo 09:00 o 18:30.",
  "input.invalidWeekday": "«{value}» no es un día de la semana. Usa de lunes a domingo.",
  "input.invalidLanguage": "«{value}» no es un idioma que hable. Elige uno de la opción `idioma`.",
  "input.invalidWeek": "Elige una semana entre 1 y {total, number}.",

  "item.unknown": "«{value}» no está en el plan de esta cohorte. Empieza a escribir en la opción `lectura` y elige de la lista.",
  "item.otherCohort":
    "Eso se eligió de la lista de **{picked}**, pero la opción `cohorte` indica **{cohort}**. Vuelve a elegirlo de la lista, o deja vacía la opción `cohorte`.",
  "item.pickAgain": "Eso ya no está en la lista. Vuelve a elegir en la lista de la opción `lectura`.",
  "item.ambiguous":
    "Hay varias coincidencias: {choices}. Elige una de la lista en la opción `lectura`, o escribe el título con sus detalles entre paréntesis, tal como aparecen aquí.",
  "item.moreChoices": "…y {count, number} más",
  "item.choice":
    "**{title}** ({weeks} · {section}{withGroup, select, yes { · {group}} other {}}{ordinal, plural, =0 {} other { · '#'{ordinal}}})",
  "item.notDone": "Aún no has registrado **{title}**, así que no hay nada que deshacer.",
  "item.notDoneTopic": "Aún no has registrado **{title}**, así que no hay nada que deshacer.",

  "remind.disabledAfterFailures":
    "No he podido enviarte los recordatorios diarios de **{cohort}** por mensaje directo, así que los he desactivado. Permite mensajes directos de los miembros del servidor y vuelve a activarlos con `/recordatorio`.",
  "remind.refusedOnce":
    "No he podido enviarte tu último recordatorio de **{cohort}** porque no aceptas mis mensajes directos. Permite mensajes directos de los miembros de este servidor (en sus ajustes de privacidad) para recibir los siguientes, o desactívalos con `/recordatorio desactivar:True`. Si tres recordatorios seguidos de **{cohort}** no te llegan, los desactivaré.",
  "remind.offWithTime": "Elige una cosa: `desactivar:True` desactiva tu recordatorio y `hora:` lo programa. No ha cambiado nada.",
  "remind.needTime":
    "Aún no tienes recordatorio, así que indica también una hora, por ejemplo `/recordatorio hora:08:30`. No ha cambiado nada.",
  "remind.isOff":
    "No tienes recordatorio diario para **{cohort}**. Actívalo con `/recordatorio hora:08:30` (hora de 24 horas{chosen, select, yes {, en la zona horaria guardada para ti, {zone}; `zona_horaria:` la cambia y `zona_horaria:cohorte` sigue la de la cohorte} other {; añade `zona_horaria:` para otra zona horaria}}).",
  "remind.isOn":
    "Tu recordatorio diario para **{cohort}** es a las **{time}** ({zone}); el próximo: {next}. Cámbialo con `/recordatorio hora:` o desactívalo con `/recordatorio desactivar:True`.",
  "remind.set":
    "Guardado: te enviaré un mensaje directo a las **{time}** ({zone}) los días en que aún te quede algo pendiente en **{cohort}**. El próximo: {next}.",
  "remind.turnedOff":
    "Tu recordatorio diario para **{cohort}** está desactivado. Vuelve a activarlo cuando quieras con `/recordatorio hora:`{chosen, select, yes {: sigue en la zona horaria guardada para ti, {zone} (`/recordatorio zona_horaria:cohorte` sigue la de la cohorte)} other {}}.",
  "remind.turnedOffForGood":
    "Tu recordatorio diario para **{cohort}** está desactivado. El curso ha acabado para ti, así que no llegarán más recordatorios.",
  "remind.followsCohort":
    "Tu recordatorio diario para **{cohort}** está desactivado y ahora sigue la zona horaria de la cohorte ({zone}): si lo vuelves a activar con `/recordatorio hora:`, llegará en esa zona.",
  "remind.followCohortChoice": "La zona horaria de la cohorte (la sigue si un administrador la cambia)",
  "remind.alreadyOff": "Tu recordatorio diario para **{cohort}** ya estaba desactivado, así que no ha cambiado nada.",
  "remind.directMessages":
    "Los recordatorios llegan como mensajes directos: permite mensajes directos de los miembros de este servidor para recibirlos.",
  "remind.dayHeld":
    "Tu día sigue siendo **{day}** hasta que tu nueva zona horaria lo alcance, así que un día que ya terminó en tu zona horaria anterior no vuelve a empezar.",
  "remind.pausedNote": "Esta cohorte está en pausa: no se envían recordatorios hasta que un administrador la reanude.",
  "remind.title": "⏰ Recordatorio diario",

  "checkpoint.noSections": "El plan de esta cohorte no tiene secciones, así que aún no hay punto de control.",
  "checkpoint.unknownSection":
    "Este punto de control ya no forma parte del plan de la cohorte, así que no hay nada que responder. Ejecuta `/control` para ver el actual.",
  "checkpoint.ask":
    "¿Lo tienes claro? Elige una respuesta abajo; puedes cambiarla cuando quieras. Los administradores ven la respuesta de cada miembro.",
  "checkpoint.yourAnswer": "Tu respuesta hasta ahora: **{answer}**.",
  "checkpoint.outcomesIntro": "Tras este plan deberías ser capaz de:",
  "checkpoint.noText": "Repasa **{section}**: ¿podrías explicar sus ideas principales a otra persona?",
  "checkpoint.recorded": "Registrado **{answer}** para el punto de control de **{section}**.",
  "checkpoint.changed": "Has cambiado tu respuesta al punto de control de **{section}** de {previous} a **{answer}**.",
  "checkpoint.unchanged": "Tu respuesta al punto de control de **{section}** ya era **{answer}**, así que no ha cambiado nada.",
  "checkpoint.notYetHint": "No te preocupes: `/semana` vuelve a mostrar el contenido de la sección, y `/hoy`, lo que toca ahora.",
  "checkpoint.notYetHintAfterCourse":
    "No te preocupes: `/semana` vuelve a mostrar el contenido de la sección, para que lo repases a tu ritmo.",
  "checkpoint.partlyHint": "Buen comienzo: `/semana` vuelve a mostrar el contenido de la sección, para que repases lo que te costó.",
  "checkpoint.confidentHint": "¡Buen trabajo!",
  "checkpoint.moreSections":
    "{count, plural, one {# sección más termina también esta semana: responde a su punto de control con los botones de su publicación} other {# secciones más terminan también esta semana: responde a sus puntos de control con los botones de sus publicaciones}} en el canal de la cohorte.",

  "week.referenceIntro": "Material de consulta: se lista, nunca se asigna y no da puntos.",
  "week.nothingAssigned": "Nada asignado.",
  "week.beforeStart": "El curso empieza el **{start}**; esta es su primera semana.",
  "week.startsOn": "El curso empieza el **{start}**.",
  "week.endedBeforeStart": "La cohorte se dio por terminada antes de empezar: esta semana nunca tuvo lugar.",
  "week.afterEnd": "El curso ha terminado; esta es su última semana.",
  "week.unestimated": "{count, plural, one {# lectura} other {# lecturas}} sin estimación (cuentan como 15 min para los puntos).",

  "progress.leftCohort": "{name} ha dejado esta cohorte; su historial se conserva.",

  "leaderboard.emptyWeek":
    "Nadie tiene puntos aún en la semana {week, number}. Registra con `/hecho` lo que completes para entrar en la clasificación.",
  "leaderboard.emptyWeekOver": "Nadie registró puntos en la semana {week, number}.",
  "leaderboard.emptyAll": "Nadie tiene puntos aún. Registra con `/hecho` lo que completes para entrar en la clasificación.",
  "leaderboard.callerRanked": "**{name}**: n.º {rank, number} de {ranked, number} · {points, number} pts",
  "leaderboard.callerUnrankedWeek": "**{name}**: aún sin puntos esta semana",
  "leaderboard.callerUnrankedWeekOver": "**{name}**: sin puntos en la semana {week, number}",
  "leaderboard.callerUnrankedAll": "**{name}**: aún sin puntos",
  "leaderboard.callerUnrankedCourse": "**{name}**: sin puntos durante el curso",
  "leaderboard.callerOffFinalBoard": "**{name}**: fuera de la clasificación final (se cerró al terminar el curso) · {points, number} pts",
  "leaderboard.standing": "{place} **{name}** · {points, number} pts",
  "leaderboard.standingAlias": "{place} *{alias}* · {points, number} pts",
  "leaderboard.anonymous": "Un miembro",
  "leaderboard.place": "{rank, number}\\.",

  "posts.noCheckpoint": "El plan de esta cohorte no tiene puntos de control que publicar.",
  "posts.notStarted":
    "**{name}** empieza el **{start}**: {kind, select, week {todavía no hay ninguna tarea semanal que publicar} checkpoint {todavía no hay ningún punto de control que publicar} other {todavía no hay ninguna clasificación que publicar}}, así que no se ha publicado nada.",
  "posts.channelProblem":
    "{problem, select, channel_missing {El canal de la cohorte {channel} ya no existe, así que las publicaciones del bot están en espera. Elige un canal nuevo con `/cohorte editar canal:`.} other {Ya no puedo publicar en {channel} (necesito **Ver canal**, **Enviar mensajes** e **Insertar enlaces** allí), así que las publicaciones del bot están en espera. Corrige los permisos del canal o elige otro con `/cohorte editar canal:`.}}",
  "posts.announceFailed": "Discord no ha aceptado la publicación ahora mismo. Vuelve a intentarlo en un minuto.",
  "posts.previewHeader":
    "**Vista previa de la semana {week, number} de {totalWeeks, number}** de **{cohort}**: {posted, select, all {lo que el bot publicó} some {lo que el bot publicó y publicará} missed {lo que el bot publicó, o debía publicar y no publicó,} allMissed {lo que el bot debía publicar y no publicó} missedToCome {lo que el bot debía publicar y no publicó, y lo que publicará} postedMissedToCome {lo que el bot publicó, debía publicar y no publicó, y publicará} other {lo que el bot publicará}} en {channel}. Solo lo ves tú.",
  "posts.previewInactive": "_La cohorte está en pausa: no se publica nada hasta que se reanude._",
  "posts.previewHidden":
    "_{hidden, plural, one {# inserción más no se muestra} other {# inserciones más no se muestran}} aquí: Discord limita una respuesta a {maxEmbeds, number} inserciones y {maxCharacters, number} caracteres._",
  "posts.simulationUnknown":
    "No hay ninguna cohorte (id o nombre) ni plan (slug) llamado «{value}». Consulta `npm run cli -- curriculum list`.",
  "posts.simulationAmbiguous": "Varias cohortes tienen ese nombre; indica uno de estos ids: {cohorts}.",
  "posts.announced": "Se ha publicado {what} en {channel}{messages, plural, =1 {} other { (# mensajes)}}.",
  "posts.announcedRest":
    "Se han publicado {missing, plural, one {el mensaje que faltaba} other {los # mensajes que faltaban}} de {parts, number} ({what}) en {channel}: {already, plural, one {el primero ya estaba allí} other {los # primeros ya estaban allí}}.",
  "posts.announcedAlready":
    "El anuncio de {what} ya estaba completo en {channel}: {parts, plural, one {su mensaje ya estaba allí} other {sus # mensajes ya estaban allí}}, así que no se ha publicado nada más.",
  "posts.announcePartial":
    "{posted, plural, one {Solo se ha publicado # de {parts, number} mensajes} other {Solo se han publicado # de {parts, number} mensajes}} ({kind, select, week {el plan de la semana {week, number}} checkpoint {el punto de control de {section}} other {la clasificación}}) en {channel}: {problem, select, channel_missing {el canal ya no existe, y con él esos mensajes. Elige un canal nuevo con `/cohorte editar canal:` y vuelve a usar el mismo `/cohorte anunciar`: publicará allí los {parts, number} mensajes.} no_permission {ya no puedo publicar allí (necesito **Ver canal**, **Enviar mensajes** e **Insertar enlaces** allí). Corrige los permisos del canal y vuelve a usar el mismo `/cohorte anunciar`: solo publicará {missing, plural, one {el mensaje que falta} other {los # mensajes que faltan}} (todos, si eliges otro canal).} other {Discord no ha aceptado el resto ahora mismo. Vuelve a usar el mismo `/cohorte anunciar` dentro de un minuto: solo publicará {missing, plural, one {el mensaje que falta} other {los # mensajes que faltan}}.}}",
  "posts.announceInProgress":
    "{kind, select, week {El plan de la semana {week, number}} checkpoint {El punto de control de {section}} other {La clasificación}} se está publicando ahora mismo en {channel} con otro `/cohorte anunciar`, así que este no ha publicado nada. Mira el canal dentro de un minuto: si entonces aún faltan mensajes, vuelve a usar el mismo `/cohorte anunciar`.",
  "posts.announcedWeek": "el plan de la semana {week, number}",
  "posts.announcedCheckpoint": "el punto de control de {section}",
  "posts.announcedLeaderboard": "la clasificación",

  "completion.logged":
    "Registrado **{title}**: **+{points, plural, one {# punto} other {# puntos}}**{onTime, select, yes { (incluye el {bonus, number} % de bonificación por puntualidad)} other {}}.",
  "completion.loggedNoPoints":
    "Registrado **{title}**{forDay, select, yes { para el **{date}**} other {}}: {reference, select, yes {material de consulta, no da puntos} other {no da puntos}}.",
  "completion.alreadyDone": "Ya habías marcado **{title}** como hecha, así que no ha cambiado nada.",
  "completion.alreadyDoneTopic": "Ya habías marcado **{title}** como hecho, así que no ha cambiado nada.",
  "completion.totals": "Total: **{total, plural, one {# punto} other {# puntos}}**",
  "completion.required": "{timed, select, yes {Lecturas obligatorias} other {Temas obligatorios}}: {bar} {done, number}/{total, number}",
  "completion.titleDone": "¡Hecho!",
  "completion.titleAlready": "Ya estaba hecha",
  "completion.titleAlreadyTopic": "Ya estaba hecho",
  "completion.afterCourse": "El curso de la cohorte ha terminado: esto cuenta en `/progreso`, pero no en su clasificación final.",
  "undo.title": "Lectura desmarcada",
  "undo.titleTopic": "Tema desmarcado",
  "undo.descriptionNoPoints":
    "Has desmarcado **{title}** ({reference, select, yes {material de consulta, no daba puntos} other {no daba puntos}}). Total: **{total, plural, one {# punto} other {# puntos}}**.",
  "undo.description":
    "**{title}** ya no está marcada como hecha: **−{points, plural, one {# punto} other {# puntos}}**. Total: **{total, plural, one {# punto} other {# puntos}}**.",
  "undo.descriptionTopic":
    "**{title}** ya no está marcado como hecho: **−{points, plural, one {# punto} other {# puntos}}**. Total: **{total, plural, one {# punto} other {# puntos}}**.",

  "format.noEstimate": "sin estimación",
  "format.minutes": "{minutes, number} min",
  "format.hours": "{hours, number} h",
  "format.hoursMinutes": "{hours, number} h {minutes, number} min",
  "format.weeksLower": "{same, select, yes {semana {start}} other {semanas {start}–{end}}}",
  "format.weeksUpper": "{same, select, yes {Semana {start}} other {Semanas {start}-{end}}}",
  "format.more": "…y {count, number} más",

  "today.title": "{cohort} · {phase, select, notStarted {Aún no ha empezado} finished {Curso terminado} other {Semana {week} · Día {day}}}",
  "today.date": "**{date}** ({own, select, yes {tu hora} other {hora de la cohorte}}, {zone})",
  "today.nothingNoMore": "Hoy no hay nada asignado, y el plan ya no asigna nada más.",
  "today.nothingNext": "Hoy no hay nada asignado. Próximo día con algo asignado: **{date}**.",
  // "por hacer": no verb to agree with "1 tema" or "1 h" ("quedan 1 tema" does not).
  "today.due": "Para antes de {due} · por hacer: {left} de {total}",
  "today.plannedEnded": "Previsto para hoy: {total}",
  "today.paused": "⏸️ Esta cohorte está en pausa: por ahora no hay publicaciones ni recordatorios.",
  "today.ended": "🏁 Esta cohorte ha terminado: ya no se puede marcar nada como hecho. Tu historial y tus puntos se conservan.",
  "today.finished": "🎓 Esta cohorte ha finalizado: ya no se puede marcar nada como hecho. Tu historial y tus puntos se conservan.",
  "today.item": "{mark} **{title}** · {kind} · {minutes}",
  "today.overdueName": "Atrasadas · {count, plural, one {# lectura} other {# lecturas}} · {minutes}",
  "today.overdueItem": "⬜ {title} · {minutes} · del {date}",
  "today.weekProgress": "Progreso de la semana {week}",
  "today.weekProgressValue": "{bar} {done, number}/{total, number} {timed, select, yes {lecturas} other {temas}}",
  "today.doneButton": "Hecha: {title}",
  "today.doneButtonTopic": "Hecho: {title}",
  "today.afterCourse":
    "Según la hora de la cohorte, su curso ya ha terminado: lo que registres ahora cuenta en `/progreso`, pero no en su clasificación final.",
  "kind.Required": "Obligatoria",
  "kind.Optional": "Opcional",
  "kind.Reference": "Consulta",
  "kindTopic.Required": "Obligatorio",
  "kindTopic.Optional": "Opcional",
  "kindTopic.Reference": "Consulta",
  "item.chooseOne": "Elige uno: {tracks}",

  "week.range": "**{from} – {to}** ({own, select, yes {tu hora} other {hora de la cohorte}}, {zone})",
  "week.section": "📘 **{title}** · {weeks}",
  "week.total":
    "Total: **{minutes}** · {items, plural, one {# lectura} other {# lecturas}} · {done, plural, one {# hecha} other {# hechas}}",
  "week.dayName": "{date} · {minutes}",
  "week.item": "{mark} {title} · {kind} · {minutes}",
  "week.referenceName": "Consulta · {count, plural, one {# lectura} other {# lecturas}}",
  "week.referenceItem": "📎 {title} · {minutes}",
  "week.title": "{cohort} · Semana {week} de {total}{current, select, yes { (esta semana)} other {}}",
  "week.footer": "✅ hecha · ⬜ pendiente · /hecho lectura: registra una",
  "week.footerTopics": "✅ hecho · ⬜ pendiente · /hecho lectura: registra un tema",
  "progress.required": "{timed, select, yes {Lecturas obligatorias} other {Temas obligatorios}}: {bar} **{done, number}/{total, number}**",
  "progress.readingTime": "Tiempo de lectura: **{done}** de {total}",
  "progress.topicsRead": "Temas leídos: **{done, number}** de {total, number}",
  "progress.pointsUnranked":
    "Puntos: **{points, number}** · Aún sin clasificar: {own, select, yes {los puntos te llevan a la clasificación} other {con puntos entrará en la clasificación}}.",
  "progress.pointsRanked": "Puntos: **{points, number}** · Puesto: **n.º {rank, number}** de {ranked, number}",
  "progress.pointsHidden":
    "Puntos: **{points, number}** · Fuera de la clasificación pública · estarías en el puesto **n.º {rank, number}**",
  "progress.pointsExcluded": "Puntos: **{points, number}** · Sin puesto en esta cohorte (tu rol queda fuera de sus clasificaciones)",
  "progress.pointsOffFinalBoard": "Puntos: **{points, number}** · Fuera de la clasificación final: se cerró al terminar el curso.",
  "progress.pointsLeft": "Puntos: **{points, number}** · Fuera de la clasificación desde que dejó la cohorte",
  "progress.section": "{bar} {done, number}/{total, number} · {title} ({weeks})",
  "progress.title": "Progreso · {name}",
  "progress.sections": "Secciones",
  "progress.sectionsContinued": "Secciones (continuación)",
  "leaderboard.title": "🏆 {cohort} · {weekly, select, yes {Semana {week}} other {Histórico}}",
  "leaderboard.footer":
    "{ranked, plural, one {# miembro} other {# miembros}} con puntos · {weekly, select, yes {/clasificacion periodo:Histórico para el histórico} over {/clasificacion para la última semana} other {/clasificacion para esta semana}}",
  "join.already": "Ya eres miembro de **{name}**.",
  "join.renamed": "Tu nombre en sus clasificaciones es ahora **{name}**.",
  "join.renamedOffBoards": "Tu nombre guardado es ahora **{name}** (las clasificaciones de esta cohorte no muestran ese nombre).",
  "join.reminderBack":
    "Tu recordatorio diario vuelve a estar activo, a las **{time}** ({zone}): `/recordatorio desactivar:True` lo desactiva.",
  "join.rejoined":
    "¡Te damos la bienvenida de nuevo a **{name}**! Tu progreso anterior sigue aquí. Ejecuta `/hoy` para ver lo que toca hoy.",
  "join.joined":
    "¡Te damos la bienvenida a **{name}**! Ejecuta `/hoy` para ver lo que toca hoy, y `/hecho` para registrar lo que termines.",
  "leave.left": "Has dejado **{name}**. Tu historial se conserva; vuelve con `/unirse` cuando quieras para seguir donde lo dejaste.",
  "leave.notMember": "No eres miembro de **{name}**, así que no había nada que dejar.",
  "leave.leftEnded":
    "Has dejado **{name}**. Tu historial se conserva, pero la cohorte ha terminado, así que `/unirse` no puede volver a admitirte.",
  "leave.leftFinished":
    "Has dejado **{name}**. Tu historial se conserva, pero el curso ha acabado, así que `/unirse` no puede volver a admitirte.",
  "checkpoint.answer.confident": "Con seguridad",
  "checkpoint.answer.partly": "En parte",
  "checkpoint.answer.not_yet": "Todavía no",
  "checkpoint.objective": "El objetivo de esta sección: {text}",
  "checkpoint.outcome": "• {text}",
  "checkpoint.buttonFor": "{section}: {answer}",
  "checkpoint.title": "✅ Punto de control · {section}",
  "checkpoint.footer": "{cohort} · {weeks} de {total}",
  "checkpoint.postAsk":
    "¿Lo tienes claro? Elige una respuesta abajo. Puedes cambiarla después; los administradores ven la respuesta de cada miembro.",
  "checkpoint.continued": "Punto de control (continuación)",
  "remind.next": "{at} ({relative})",
  "remind.nextNone": "ninguno, porque tu plan ya no asigna nada más",
  "remind.nextPaused": "ninguno mientras la cohorte esté en pausa",
  "reminderDm.intro": "Te queda por leer hoy (**{date}**, {minutes}), para antes de {due}:",
  "reminderDm.item": "• **{title}** · {kind} · {minutes}",
  "reminderDm.overdue":
    "Además, {timed, select, yes {{count, plural, one {# lectura atrasada} other {# lecturas atrasadas}}} other {{count, plural, one {# tema atrasado} other {# temas atrasados}}}} de días anteriores.",
  "reminderDm.howTo":
    "Ejecuta `/hoy` en el servidor para marcar como hecho lo que termines. `/recordatorio desactivar:True` desactiva estos recordatorios.",
  "reminderDm.title": "⏰ Recordatorio de estudio · {cohort}",
  "cohortAdmin.status.active": "🟢 Activa",
  "cohortAdmin.status.paused": "⏸️ En pausa",
  "cohortAdmin.status.ended": "🏁 Terminada",
  "cohortAdmin.weekNotStarted": "Sin empezar · {total, plural, one {# semana} other {# semanas}}",
  "cohortAdmin.weekFinished": "Terminada · {total, plural, one {# semana} other {# semanas}}",
  "cohortAdmin.weekCurrent": "Semana {week} de {total}",
  "cohortAdmin.weekEndedBeforeStart": "Terminada antes de empezar · {total, plural, one {# semana} other {# semanas}}",
  "cohortAdmin.weekEndedIn": "Terminada en la semana {week} de {total}",
  "cohortAdmin.members": "{count, plural, one {# miembro} other {# miembros}}",
  "cohortAdmin.listName": "**{name}** · {status} · {channel}",
  "cohortAdmin.listOnHold": "⚠️ Publicaciones en espera: mira `/cohorte info`",
  "cohortAdmin.listResuming":
    "{paused, select, yes {✅ Ya puedo volver a publicar en el canal: las publicaciones en espera saldrán cuando se reanude la cohorte} other {✅ Las publicaciones en espera saldrán en unos minutos: ya puedo volver a publicar en el canal}}",
  "cohortAdmin.listDetail": "↳ {curriculum} · empieza el {start} · {week} · {members}",
  "cohortAdmin.listTitle": "Cohortes de este servidor ({count, number})",
  "cohortAdmin.listOneTitle": "Una cohorte de este servidor",
  "cohortAdmin.postAt": "{at} ({relative}) · {detail}",
  "cohortAdmin.postCatchingUp": "En menos de un minuto (debía salir el {at}) · {detail}",
  "cohortAdmin.postOnHold":
    "En espera hasta que se arregle el canal: saldrá entonces si es antes del {until} (debía salir el {at}) · {detail}",
  "cohortAdmin.postResuming": "En unos minutos, ahora que puedo volver a publicar en el canal (debía salir el {at}) · {detail}",
  "cohortAdmin.postWeek": "semana {week}",
  "cohortAdmin.field.status": "Estado",
  "cohortAdmin.field.channel": "Canal",
  "cohortAdmin.field.members": "Miembros",
  "cohortAdmin.field.curriculum": "Plan de estudios",
  "cohortAdmin.curriculumValue": "{title} (`{slug}`) · {weeks, plural, one {# semana} other {# semanas}}",
  "cohortAdmin.field.start": "Inicio",
  "cohortAdmin.field.lastDay": "Último día",
  "cohortAdmin.field.progress": "Progreso",
  "cohortAdmin.field.timeZone": "Zona horaria",
  "cohortAdmin.field.weeklyPost": "Publicación semanal",
  "cohortAdmin.weeklyPostValue": "Los {weekday} a las {time}",
  "cohortAdmin.field.optional": "Contenido opcional",
  "cohortAdmin.optionalAssigned": "{assigned, select, yes {Asignado} other {Sin asignar}}",
  "cohortAdmin.field.language": "Idioma",
  "cohortAdmin.field.nextWeeklyPost": "Próxima publicación semanal",
  "cohortAdmin.field.nextCheckpoint": "Próximo punto de control",
  "cohortAdmin.field.note": "Nota",
  "cohortAdmin.field.channelProblem": "⚠️ Problema con el canal",
  "cohortAdmin.field.picturesBlocked": "⚠️ Imágenes",
  "cohortAdmin.picturesBlocked":
    "No puedo adjuntar archivos en {channel}, así que sus publicaciones salen sin gráficos (el texto da las mismas cifras). Dame allí el permiso **Adjuntar archivos** y las próximas los llevarán de nuevo.",
  "cohortAdmin.field.threadsBlocked": "⚠️ Hilos de conversación",
  "cohortAdmin.threadsBlocked":
    "No puedo crear hilos en {channel}, así que sus publicaciones semanales salen sin el hilo de conversación de la semana. Dame allí el permiso **Crear hilos públicos** y las próximas publicaciones semanales volverán a abrir uno.",
  "cohortAdmin.field.excludeRoleUnlisted": "⚠️ Nunca clasificados",
  "cohortAdmin.field.excludeRoleDeleted": "⚠️ rol_excluido eliminado",
  "cohortAdmin.excludeRoleDeleted":
    "El rol puesto como rol_excluido se eliminó del servidor, así que ahora no se saca a nadie de las clasificaciones: quienes lo tenían vuelven a clasificarse. Elige otro rol con `/cohorte editar rol_excluido:` o quítalo con `rol_excluido:@everyone`.",
  "cohortAdmin.excludeRoleDeletedValue": "Un rol eliminado: nadie",
  "cohortAdmin.excludeRoleUnlisted":
    "Discord no me deja ver quién tiene {role}, así que a un miembro que lo recibe lo saco de las clasificaciones solo a partir de su próximo comando. Activa el **Server Members Intent** del bot (Developer Portal → tu aplicación → Bot → Privileged Gateway Intents) y vuelve a poner el rol con `/cohorte editar rol_excluido:`.",
  "cohortAdmin.field.boardsBlocked": "⚠️ Clasificaciones publicadas",
  "cohortAdmin.boardsBlocked":
    "{count, plural, one {Me falta el permiso {permissions}} other {Me faltan los permisos {permissions}}} en {channel}, así que no puedo editar las clasificaciones que ya publiqué allí: cuando un miembro borra sus datos o se oculta de las clasificaciones, no puedo quitarlo de ellas (lo intento cada vez con menos frecuencia y desisto tras unos cinco días). {count, plural, one {Dámelo} other {Dámelos}} allí: las clasificaciones en las que desistí se editan cuando {count, plural, one {me lo devuelvas} other {me los devuelvas}} (normalmente en unos minutos), y también las de los cambios posteriores.",
  "cohortAdmin.heldForPermissions":
    "Ya no puedo publicar en {channel}: {count, plural, one {me falta allí el permiso {permissions}} other {me faltan allí los permisos {permissions}}}, así que las publicaciones del bot están en espera. {count, plural, one {Dámelo} other {Dámelos}} en los ajustes del canal, o elige otro canal con `/cohorte editar canal:`.",
  "cohortAdmin.channelUsableAgain":
    "{paused, select, yes {Ya puedo volver a publicar en {channel}: las publicaciones del bot saldrán allí cuando reanudes la cohorte con `/cohorte reanudar`.} other {Ya puedo volver a publicar en {channel}: las publicaciones del bot en espera saldrán en unos minutos.}}",
  "cohortAdmin.finalEditWaiting":
    "La clasificación de la última semana en {channel} recibirá su edición final cuando vuelva a tener allí mis permisos, si es dentro del día siguiente al final de la semana; después se quedará como está.",
  "cohortAdmin.finalEditChannelGone":
    "El canal de la cohorte {channel} ya no existe, y la clasificación de la última semana con él: no recibirá su edición final. Ya nada espera al canal; para darle otro a la cohorte, elígelo con `/cohorte editar canal:`.",
  "cohortAdmin.channelTrouble":
    "{check, select, missing {El canal de la cohorte {channel} ya no existe. Las próximas publicaciones del bot esperarán hasta que elijas un canal nuevo con `/cohorte editar canal:`.} not_text {{channel} no es un canal de texto. Las próximas publicaciones del bot esperarán hasta que elijas un canal de texto con `/cohorte editar canal:`.} other {No puedo publicar en {channel} ahora: {count, plural, one {me falta allí el permiso {permissions}} other {me faltan allí los permisos {permissions}}}. Las próximas publicaciones del bot esperarán hasta que {count, plural, one {me lo des} other {me los des}} en los ajustes del canal, o hasta que elijas otro canal con `/cohorte editar canal:`.}}",
  "cohortAdmin.footer": "Id de la cohorte {id}",
  "cohortAdmin.tallyName": "Autoevaluaciones de los puntos de control",
  "cohortAdmin.tallyLine": "{section}: Con seguridad {confident, number} · En parte {partly, number} · Todavía no {notYet, number}",
  "cohortAdmin.tallyNone": "Aún no hay respuestas.",
  "cohortAdmin.tallyEarlier": "…y {count, plural, one {# sección anterior} other {# secciones anteriores}}",
  "curriculumAdmin.scopeBuiltIn": "incluido",
  "curriculumAdmin.scopeReplacesBuiltIn": "importado en este servidor, se usa en lugar del incluido del mismo nombre",
  "curriculumAdmin.scopeImported": "importado en este servidor",
  "curriculumAdmin.listLine": "**{title}** · `{slug}` · {weeks, plural, one {# semana} other {# semanas}} · {scope}",
  "curriculumAdmin.listTitle": "Planes de estudios ({count, number})",
  "curriculumAdmin.group": "*{group}*",
  "curriculumAdmin.item":
    "• {title}{minutes, select, none {} other { · {minutes}}}{kind, select, Required {} Choice { *(elige uno)*} Optional { *(opcional)*} other { *(consulta)*}}",
  "curriculumAdmin.noItems": "Sin contenido.",
  "curriculumAdmin.weeks": "{weeks, plural, one {# semana} other {# semanas}}",
  "curriculumAdmin.sections": "{count, plural, one {# sección} other {# secciones}}",
  "curriculumAdmin.required": "{count, plural, one {# obligatoria} other {# obligatorias}} ({minutes})",
  "curriculumAdmin.requiredTopics": "{count, plural, one {# obligatorio} other {# obligatorios}}",
  "curriculumAdmin.optional": "{count, plural, one {# opcional} other {# opcionales}}",
  "curriculumAdmin.reference": "{count, number} de consulta",
  "curriculumAdmin.sectionName": "{weeks} · {title}{minutes, select, none {} other { · ~{minutes}}}",
  "curriculumAdmin.outcomesName": "Tras este plan sabrás…",
  "curriculumAdmin.outcome": "• {outcome}",
  "curriculumAdmin.notImported": "Plan de estudios no importado",
  "curriculumAdmin.headingCreated": "Plan de estudios importado",
  "curriculumAdmin.headingUpdated": "Plan de estudios actualizado",
  "curriculumAdmin.headingUnchanged": "No ha cambiado nada",
  "weekPost.item": "• **{title}** · {kind} · {minutes}{withTrack, select, yes { · {track}} other {}}",
  "weekPost.noEstimate": "sin estimación de tiempo",
  "weekPost.time": "{minutes}{unestimated, plural, =0 {} one { + # sin estimación} other { + # sin estimación}}",
  "weekPost.dayName": "{date} · {time}",
  "weekPost.free": "libre",
  "weekPost.nothingAssigned": "Nada asignado: ponte al día o adelántate.",
  "weekPost.dayContinued": "{date} (continuación)",
  "weekPost.header": "**{curriculum}** · {from} – {to}",
  "weekPost.thisWeekNone": "**Esta semana:** nada nuevo que leer",
  "weekPost.thisWeek": "**Esta semana:** {sections}",
  "weekPost.section": "{title} ({weeks})",
  "weekPost.totalNone": "**Total:** nada nuevo esta semana: un buen momento para ponerse al día.",
  "weekPost.totalNoneChoice": "**Total:** nada nuevo esta semana: sigue con el itinerario que elegiste, o ponte al día.",
  "weekPost.total":
    "**Total:** {items, plural, one {# lectura} other {# lecturas}} · {time} en {days, plural, one {# día de estudio} other {# días de estudio}}",
  "weekPost.checkpoint": "**Punto de control:** {section} el {at}",
  "weekPost.reference": "**Consulta:** {count, plural, one {# lectura} other {# lecturas}} para consultar, listadas en `/semana`.",
  "weekPost.howTo": "Ejecuta `/hoy` cada día para ver tu lista, y `/hecho` para registrar lo que termines.",
  "weekPost.topName": "🏆 Los cinco mejores de la semana {week}",
  "weekPost.topEmpty": "Nadie registró puntos en la semana {week}. ¡Esta semana puede ser la tuya!",
  "weekPost.title": "📚 Semana {week} de {total} · {cohort}",
  "weekPost.footer": "{cohort} · semana {week} de {total}",
  "weekPost.continued": "Semana {week} (continuación)",
  "weekPost.thread": "Debate de la semana {week} · {cohort}",
  "boardPost.more": "…y {count, number} más con puntos",
  "boardPost.thisWeek": "Esta semana (semana {week})",
  "boardPost.thisWeekEmpty": "Aún no se han registrado puntos esta semana.",
  "boardPost.allTime": "Histórico",
  "boardPost.allTimeEmpty": "Aún no se han registrado puntos.",
  "boardPost.title": "🏆 Clasificación · {cohort}",
  "boardPost.description":
    "{timed, select, yes {Los puntos salen de las lecturas registradas: sus minutos estimados, más un {bonus} % si se terminan antes de que acabe su día.} other {Los puntos salen de los temas registrados: {points, number} por tema, más un {bonus} % si se terminan antes de que acabe su día.}} Usa `/clasificacion` cuando quieras.",
  "boardPost.continued": "Clasificación (continuación)",
  "closingPost.finalName": "🏆 Clasificación final",
  "closingPost.finalEmpty": "Nadie registró puntos durante el curso.",
  "closingPost.outcomesName": "Lo que ya sabes hacer",
  "closingPost.title": "🎓 {cohort} ha finalizado",
  "closingPost.description":
    "Aquí {weeks, plural, one {termina la única semana} other {terminan las # semanas}} de **{curriculum}**. ¡Gracias por leer con nosotros, y enhorabuena a todos los que han participado!",
  "closingPost.footer": "{cohort} · publicación final",
  "closingPost.continued": "Curso finalizado (continuación)",
  "closingPost.endedTitle": "🏁 {cohort} ha terminado",
  "closingPost.endedDescription":
    "{week, plural, =0 {Se dio por terminada antes de su primera semana} other {Se dio por terminada tras la semana # de {weeks}}} de **{curriculum}**. ¡Gracias a todos los que han leído con nosotros!",
  "closingPost.endedContinued": "Cohorte terminada (continuación)",
  "preview.weekLabel": "Plan de la semana {week}",
  "preview.checkpointLabel": "Punto de control · {section}",
  "preview.closingLabel": "Publicación de cierre",
  "preview.post":
    "• {label}{parts, plural, =1 {} other { (# mensajes)}}: {posted, select, yes {se publicó el {at}} missed {no se publicó: tocaba el {at}, y ya no se publicará (más de 24 horas de retraso, o se abandonó)} other {{at}}} ({relative})",

  // The curriculum importer's problems, one per code of src/domain/curriculum/parse/problemCodes.ts; quoted parameters are excerpts of the document.
  "parse.importerFailed": "El importador no pudo leer este archivo ({reason}). Por favor, infórmanos.",
  "parse.parseTimedOut": "Leer este archivo tardó más de {seconds, number} segundos, así que se detuvo. Por favor, infórmanos.",
  "parse.importerUnavailable":
    "El importador se está reiniciando tras un fallo propio, no de este archivo. Vuelve a intentar la importación en {seconds, plural, one {# segundo} other {# segundos}}.",
  "parse.notText": "El plan de estudios debe enviarse como texto.",
  "parse.fileTooLarge":
    "El archivo es demasiado grande ({characters, number} caracteres; el límite es {limit, number}). Divídelo en rutas más pequeñas.",
  "parse.fileEmpty":
    'El archivo está vacío. Un plan de estudios empieza por su título y sigue con secciones como "Week 1-2: Fundamentos de bases de datos".',
  "parse.moreProblems": "…y {count, number} problemas más a partir de aquí; corrige primero los de arriba.",
  "parse.lineTooLong": "La línea tiene {length, number} caracteres (el límite es {limit, number}); divídela.",
  "parse.controlCharacters":
    "Esta línea contiene caracteres de control: el archivo no parece texto plano. Guarda el plan de estudios como texto UTF-8.",
  "parse.codeBlockUnclosed":
    "El bloque de código que se abre en esta línea nunca se cierra, así que el resto del archivo quedaría oculto: ciérralo con una línea de tres comillas invertidas (o virgulillas, como se abrió).",
  "parse.codeBlockHidesSection":
    "El bloque de código que se abre en esta línea oculta el encabezado de sección de la línea {sectionLine, number, ::group-off}: cierra el bloque antes (con una línea de tres comillas invertidas).",
  "parse.frontMatterHidesSection":
    'Este encabezado de sección está dentro de los metadatos iniciales (entre las líneas "---" del principio): muévelo debajo del "---" de cierre.',
  "parse.frontMatterUnclosed": 'Los metadatos iniciales que empiezan aquí no tienen la línea de cierre "---".',
  "parse.titleNotFirst": 'La primera línea debe ser el título de la ruta (p. ej., "Ruta de aprendizaje de backend").',
  "parse.titleHeadingEmpty": "El encabezado del título no tiene texto.",
  "parse.titleMissing":
    '{format, select, markdown {El plan de estudios no tiene título: empieza con un encabezado como "# Ruta completa de ingeniería backend".} other {El plan de estudios no tiene título: su primera línea debe ser el título de la ruta.}}',
  "parse.titleTooLong": 'El título "{title}" tiene {length, number} caracteres; el límite es {limit, number}. Acórtalo.',
  "parse.headingUnreadable":
    'El encabezado de sección "{heading}" no tiene una forma que el importador entienda: escribe "Week 3: Título" o "Week 3-4: Título".',
  "parse.weekZero": 'El encabezado de sección "{heading}" usa la semana 0: las semanas se numeran desde 1.',
  "parse.weekRangeBackwards":
    'El encabezado de sección "{heading}" tiene el rango de semanas al revés ({start, number, ::group-off}-{end, number, ::group-off}): escríbelo como {end, number, ::group-off}-{start, number, ::group-off}.',
  "parse.weekBeyondLimit": 'El encabezado de sección "{heading}" pasa de la semana {limit, number}; revisa los números de semana.',
  "parse.headingWithoutTitle":
    'El encabezado de sección "{heading}" no tiene título: escribe p. ej. "Week {week, number, ::group-off}: Fundamentos de bases de datos".',
  "parse.phaseWithoutWeeks":
    'El encabezado de fase "{heading}" necesita un rango de semanas, p. ej. "### Phase 1: Foundations (Weeks 1-4)".',
  "parse.noSections":
    'No se encontraron secciones. Las secciones empiezan con un encabezado como "Week 1-2: Fundamentos de bases de datos" (en Markdown también como encabezado de cualquier nivel, "## Week 1-2: …", o "### Phase 1: Foundations (Weeks 1-4)"), seguido de sus elementos.',
  "parse.tooManySections": "La ruta tiene {count, number} secciones; el límite es {limit, number}. Divídela en rutas más pequeñas.",
  "parse.sectionWithoutItems":
    'La sección "{section}" no tiene elementos: añade debajo al menos una línea como {format, select, markdown {"- Fundamentos de Internet: HTTP, DNS, TCP/IP"} other {"- [ ] Required -- Motores de almacenamiento (30 min)"}}.',
  "parse.tooManyItems":
    'La sección "{section}" tiene {count, number} elementos; el límite es {limit, number} por sección. Divídela en varias secciones.',
  "parse.duplicateSection":
    'El encabezado de sección "{section}" repite el de la línea {firstLine, number, ::group-off}: une las dos secciones o cambia el nombre de una.',
  "parse.duplicateSectionKey":
    'La sección "{section}" tendría la misma identidad que la sección de la línea {firstLine, number, ::group-off}; dale un título más distinto.',
  "parse.firstWeekNotOne":
    'La primera sección, "{section}", empieza en la semana {week, number, ::group-off}: una cohorte no tendría nada que leer en {before, plural, one {la semana 1} other {las semanas 1-{before, number, ::group-off}}}. Numera las semanas desde 1.',
  "parse.weekGap":
    'La sección "{section}" empieza en la semana {start, number, ::group-off}, pero ninguna sección cubre {count, plural, one {la semana {from, number, ::group-off}} other {las semanas {from, number, ::group-off}-{to, number, ::group-off}}} (la anterior, en la línea {previousLine, number, ::group-off}, termina en la semana {previousEnd, number, ::group-off}): una cohorte no tendría nada que leer entonces. Numera las semanas sin huecos; una cohorte puede tomarse una semana libre con `/cohorte descanso`.',
  "parse.duplicateItem":
    'El elemento "{item}" repite el de la línea {firstLine, number, ::group-off} en la misma sección{inGroup, select, yes { y el mismo grupo "{group}"} other {}}{onTrack, select, yes {, en el mismo itinerario "{track}"} other {}}: los miembros no podrían distinguirlos. Cambia el nombre de uno (p. ej. "… (parte 2)") o quítalo.',
  "parse.sectionAfterClosing":
    'El encabezado de sección "{heading}" aparece después de la parte final de la ruta (que empieza en la línea {closingLine, number, ::group-off}); mueve las listas finales al final.',
  "parse.itemWithoutKind":
    'El elemento "{item}" no tiene tipo: escríbelo como "- [ ] Required -- Motores de almacenamiento (30 min)" (tipos: Required, Optional, Reference).',
  "parse.unknownKind": 'Tipo de elemento desconocido "{kind}": usa Required, Optional o Reference.',
  "parse.itemWithoutTitle": 'El elemento no tiene título: escríbelo como "- [ ] Required -- Motores de almacenamiento (30 min)".',
  "parse.durationUnreadable":
    'Elemento "{item}": no se puede leer la duración "({duration})": escríbela como "(30 min)", "(1 hour)", "(1.5 hours)" o "(1h 30min)". Si el paréntesis forma parte del título, añade la duración después.',
  "parse.durationTooShort": 'Elemento "{item}": la duración "({duration})" debe ser de al menos 1 minuto.',
  "parse.durationTooLong":
    'Elemento "{item}": la duración "({duration})" supera las {hours, number} horas; revisa si hay una errata o divide la lectura.',
  "parse.durationNotAtEnd":
    'Elemento "{item}": la duración "({duration})" debe ir al final de la línea, pero le sigue "{note}". Pon la nota antes de la duración: "{rewritten}".',
  "parse.itemBeforeFirstSection":
    'Elemento antes de la primera sección: ponlo bajo un encabezado de sección como "Week 1-2: Fundamentos de bases de datos".',
  "parse.itemOutsidePhase": 'Elemento fuera de cualquier fase: ponlo bajo un encabezado como "### Phase 1: Foundations (Weeks 1-4)".',
  "parse.itemAfterClosing":
    'El elemento "{item}" aparece después de la parte final de la ruta (que empieza en la línea {closingLine, number, ::group-off}); muévelo a una sección.',
  "parse.emptyTopic":
    'Tema vacío en la fase "{section}": escríbelo como "- Fundamentos de Internet: HTTP, DNS, TCP/IP" o elimina la línea.',
  "parse.listLineNotItem":
    'La línea de lista "{text}" de la sección "{section}" no es un elemento: escríbela como "- [ ] Required -- Motores de almacenamiento (30 min)".',
  "parse.itemWithoutCheckbox":
    'La línea "{text}" de la sección "{section}" parece un elemento sin su "- [ ]": añade "- [ ]" si es un elemento ("- [ ] Required -- Motores de almacenamiento (30 min)"), o termínala con ":" si es un grupo.',
  "parse.unexpectedLine":
    '{format, select, markdown {Línea inesperada "{text}" después de los temas de la fase "{section}": conviértela en un tema ("- Fundamentos de Internet: HTTP, DNS, TCP/IP") o en una etiqueta de grupo ("**Grupo:**"), o muévela encima de los temas.} other {Línea inesperada "{text}" en la sección "{section}": se esperaba un elemento ("- [ ] Required -- Motores de almacenamiento (30 min)"), un encabezado de grupo seguido de elementos, o "Checkpoint" seguido de su párrafo.}}',
  "parse.groupWithoutName": "Un encabezado de grupo necesita un nombre antes de los dos puntos.",
  "parse.trackWithoutName":
    'Un itinerario de «elige uno» necesita un nombre visible, en negrita antes de sus temas "{text}": escríbelo como "- **Go Path:** Goroutines, channels".',
  "parse.needsSectionFirst": '"{text}" debe ir después de un encabezado de sección como "Week 1-2: Fundamentos de bases de datos".',
  "parse.estimateRepeated": 'La sección "{section}" ya tiene un tiempo de lectura estimado; deja uno.',
  "parse.estimateUnreadable": 'No se puede leer el tiempo de lectura "{value}": escríbelo como "6 hours", "3.5 hours" o "45 min".',
  "parse.estimateTooShort": 'El tiempo de lectura "{value}" debe ser de al menos 1 minuto.',
  "parse.estimateTooLong": 'El tiempo de lectura "{value}" supera las {hours, number} horas; revisa si hay una errata.',
  "parse.checkpointRepeated": 'La sección "{section}" ya tiene un "Checkpoint" (línea {firstLine, number, ::group-off}); deja uno.',
  "parse.checkpointWithoutText": '"Checkpoint" debe ir seguido del párrafo del punto de control en la línea siguiente.',
  "parse.checkpointNotInline": 'Escribe el texto del punto de control en la misma línea: "**Checkpoint:** Después de esta fase puedes …".',

  // --- Planes personales (issue 12): /pace, /break, /done when:, incorporaciones tardías, rachas que perdonan ---
  "pace.invalidDays": "Elige entre {min, number} y {max, number} días de estudio para ponerte al día.",
  "pace.extendLimit":
    "Tu calendario ya va {max, number} semanas por detrás del de la cohorte, el máximo.{reset, select, yes { `/ritmo modo:Volver al plan de la cohorte` vuelve al calendario de la cohorte.} other {}}",
  "pace.resetAfterCourse":
    "El calendario de **{name}** ya ha acabado: regresar a él pondría fin hoy a tu curso, sin poder volver a planificarlo. Tus semanas siguen como estaban; no ha cambiado nada.",
  "pace.nothingToCatchUp": "No hay nada que recuperar: todo lo anterior a hoy está hecho.",
  "pace.nothingToReset":
    "Ya sigues el calendario de la cohorte: no tienes ampliaciones ni planes para ponerte al día que quitar, así que no ha cambiado nada.",
  "pace.changedMeanwhile": "Tu ritmo cambió mientras se planificaba esta recuperación, así que no se cambió nada. Vuelve a usar `/ritmo`.",
  "pace.courseOver":
    "El curso de **{name}** ha terminado, así que no queda nada por planificar: `/hoy` muestra tu resumen del curso, y lo que leas y registres sigue contando en `/progreso`.",
  "pace.title": "Tu ritmo · {cohort}",
  "pace.behind":
    "Por detrás del plan de la cohorte: **{timed, select, yes {{count, plural, one {# lectura obligatoria} other {# lecturas obligatorias}}} other {{count, plural, one {# tema obligatorio} other {# temas obligatorios}}}}**{timed, select, yes { ({minutes})} other {}}",
  "pace.ahead":
    "Por delante del plan de la cohorte: **{timed, select, yes {{count, plural, one {# lectura obligatoria} other {# lecturas obligatorias}}} other {{count, plural, one {# tema obligatorio} other {# temas obligatorios}}}}**{timed, select, yes { ({minutes})} other {}}",
  "pace.onTrack": "Vas al día con el plan de la cohorte.",
  "pace.backlog":
    "Por recuperar: **{timed, select, yes {{count, plural, one {# lectura} other {# lecturas}}} other {{count, plural, one {# tema} other {# temas}}}}**{timed, select, yes { ({minutes})} other {}} de antes de hoy sin hacer{preJoin, plural, =0 {} other {, # {timed, select, yes {de ellas} other {de ellos}} de antes de que {returned, select, yes {volvieras} other {te unieras}}}}{optional, plural, =0 {} one {, # {timed, select, yes {de ellas opcional, añadida} other {de ellos opcional, añadido}} el {day}} other {, # {timed, select, yes {de ellas opcionales, añadidas} other {de ellos opcionales, añadidos}} el {day}}}.",
  "pace.extended":
    "Tu calendario va {weeks, plural, one {# semana} other {# semanas}} por detrás del de la cohorte (como mucho {max, number}).",
  "pace.ended": "🏁 Esta cohorte ha terminado, así que tu ritmo ya no puede cambiar. Tu historial y tus puntos se conservan.",
  "pace.finished": "🎓 Esta cohorte ha finalizado, así que tu ritmo ya no puede cambiar. Tu historial y tus puntos se conservan.",
  "pace.cohortEnded": "**{name}** ha terminado, así que tu ritmo ya no puede cambiar. Tu historial y tus puntos se conservan.",
  "pace.cohortFinished": "**{name}** ha finalizado, así que tu ritmo ya no puede cambiar. Tu historial y tus puntos se conservan.",
  "pace.helpCatchUp":
    "**Ponerse al día** reparte lo pendiente en tus próximos {days, number} días de estudio sin llenar ningún día más allá del doble de uno medio: lo que no quepa pasa a los días siguientes, y lo que por sí solo supere ese límite va en un día sin nada más del pendiente.",
  "pace.helpExtend": "**Ampliar una semana** retrasa tu calendario siete días.",
  "pace.helpReset": "**Volver al plan de la cohorte** te devuelve al calendario de la cohorte.",
  "pace.catchUpButton": "Ponerse al día",
  "pace.extendButton": "Ampliar una semana",
  "pace.resetButton": "Volver al plan de la cohorte",
  "pace.changedTitle": "Ritmo actualizado · {cohort}",
  "pace.caughtUp":
    "{timed, select, yes {{count, plural, one {Repartida **# lectura**} other {Repartidas **# lecturas**}} ({minutes}) en tus próximos días de estudio, además de la lectura de cada día} other {{count, plural, one {Repartido **# tema**} other {Repartidos **# temas**}} en tus próximos días de estudio, además de los temas de cada día}}, hasta el **{date}**.",
  "pace.catchUpHeavy":
    "{count, plural, one {El día {dates} lleva} other {Los días {dates} llevan}} más del doble de un día de estudio medio{timed, select, yes { ({cap})} other {}}, porque {count, plural, one {una sola lectura ya dura más} other {en cada uno una sola lectura ya dura más}}.",
  "pace.catchUpLonger":
    "Ocupa más de {days, number} días de estudio, porque {cause, select, mixed {ningún otro día lleva más de eso} oversized {{count, plural, one {esa lectura ocupa} other {cada una de esas lecturas ocupa}} un día para ella sola} other {ningún día lleva más del doble de un día de estudio medio{timed, select, yes { ({cap})} other {}}}}.",
  "pace.catchUpTopicADay":
    "Un tema al día: los días de estudio de esta ruta son ligeros, así que cada tema ya lleva más del doble de uno medio y ocupa un día para él solo.{pastWindow, select, yes { Por eso ocupa más de {days, number} días de estudio.} other {}}",
  "pace.catchUpShares": "`/hoy` muestra la parte de cada día.",
  "pace.catchUpMoved": "Tu plan para ponerte al día llega ahora hasta el **{date}**.",
  "pace.extendedNow":
    "Tu calendario va ahora {weeks, plural, one {# semana} other {# semanas}} por detrás del de la cohorte (como mucho {max, number}). `/hoy`, `/semana` y los recordatorios lo siguen.",
  "pace.extendStillOverdue":
    "{timed, select, yes {**{count, plural, one {# lectura} other {# lecturas}}** ({minutes}) de antes de hoy {count, plural, one {sigue atrasada} other {siguen atrasadas}}: `/ritmo modo:Ponerse al día` {count, plural, one {la reparte} other {las reparte}}} other {**{count, plural, one {# tema} other {# temas}}** de antes de hoy {count, plural, one {sigue atrasado} other {siguen atrasados}}: `/ritmo modo:Ponerse al día` {count, plural, one {lo reparte} other {los reparte}}}} en tus próximos días de estudio.",
  "pace.resetNow": "Vuelves al calendario de la cohorte: se quitan las ampliaciones y los planes para ponerte al día.",
  "break.notADate":
    "{reason, select, format {«{value}» no sigue el formato AAAA-MM-DD: escribe `desde` y `hasta` con el año, el mes y el día en ese orden, p. ej. 2027-03-01.} year {«{value}» tiene un año anterior al 1000: escribe `desde` y `hasta` con el año completo, de cuatro cifras (AAAA-MM-DD), p. ej. 2027-03-01.} other {«{value}» no es una fecha que exista: revisa el mes y el día (AAAA-MM-DD, p. ej. 2027-03-01).}}",
  "break.endsBeforeStart": "El descanso termina antes de empezar: `hasta` debe ser igual o posterior a `desde`.",
  "break.tooLong":
    "Un descanso termina como mucho {max, number} días después de su primer día. Toma uno más corto, y otro más adelante si lo necesitas.",
  "break.startsInThePast": "Un descanso empieza hoy o más adelante: elige una fecha `desde` que no haya pasado.",
  "break.overlaps":
    "Ya tienes días libres del **{fromDate}** al **{toDate}**, que se solapan con estas fechas. Para cambiarlos, termínalos con `terminar:True` y luego pide los días que quieras.",
  "break.tooMany": "Ya tienes {max, number} descansos previstos. Termina uno con `terminar:True` antes de añadir otro.",
  "break.added":
    "🌴 Días libres del **{from}** al **{to}**: sin recordatorios, y esos días ni rompen ni alargan tu racha. `terminar:True` termina el descanso antes.",
  "break.ended": "Tu descanso ha terminado: desde hoy vuelven los recordatorios y los días de racha.",
  "break.endedDaysOffGoOn":
    "Tu descanso ha terminado, pero los días libres siguen hasta el **{until}** (una semana de descanso de la cohorte{own, select, yes {, y después días libres que planificaste} other {}}): los recordatorios y los días de racha vuelven a partir del **{back}**.",
  "break.calledOff": "Se cancelan tus días libres del **{from}** al **{to}**: los recordatorios y los días de racha siguen como siempre.",
  "break.cohortEnded":
    "**{name}** ha terminado: ya no se puede registrar nada en ella ni se envían recordatorios, así que ya no se pueden añadir ni terminar días libres. No ha cambiado nada.",
  "break.cohortFinished":
    "**{name}** ha finalizado: ya no se puede registrar nada en ella ni se envían recordatorios, así que ya no se pueden añadir ni terminar días libres. No ha cambiado nada.",
  "break.nothingToEnd": "No tienes ningún descanso entre el **{from}** y el **{to}** que terminar.",
  "done.noYesterday": "No hay ningún día de estudio anterior para el que registrar esto. Usa `/hecho` sin `cuando`.",
  "done.notInCohortYesterday":
    "No estabas en esta cohorte en su día de estudio anterior ({returned, select, yes {volviste después} other {te uniste después}}), así que no hay nada que registrar para ese día. Usa `/hecho` sin `cuando`.",
  "completion.loggedYesterday":
    "Registrado **{title}** para el **{date}**: **+{points, plural, one {# punto} other {# puntos}}** (sin bonificación por puntualidad, porque se registra para un día anterior).",
  "streak.line":
    "🔥 Racha: **{streak, plural, one {# día de estudio} other {# días de estudio}}** · ❄️ Comodines: {freezes, number}/{max, number}{safe, select, yes { · a salvo hasta {until}} other {}}{final, select, yes { · definitiva, tal como quedó al terminar el curso} other {}}",
  "streak.startsOn": "🔥 Racha: empieza el **{date}**, {whose, select, own {tu} other {su}} primer día de estudio del curso",
  "today.overdueMore": "…y {count, number} más ({minutes}): `/ritmo` para ponerte al día",
  "today.backlog":
    "📚 {returned, select, yes {De antes de que volvieras} other {De antes de que te unieras}}: {timed, select, yes {{count, plural, one {# lectura} other {# lecturas}} ({minutes}). Nunca cuentan como atrasadas; `/ritmo` puede repartirlas} other {{count, plural, one {# tema} other {# temas}}. Nunca cuentan como atrasados; `/ritmo` puede repartirlos}}.",
  "today.optionalBacklog":
    "📚 {timed, select, yes {Lecturas opcionales añadidas el {day}: {count, plural, one {# lectura} other {# lecturas}} ({minutes}). Nunca cuentan como atrasadas; `/ritmo` puede repartirlas} other {Temas opcionales añadidos el {day}: {count, plural, one {# tema} other {# temas}}. Nunca cuentan como atrasados; `/ritmo` puede repartirlos}}.",
  "today.optionalBacklogEnded":
    "📚 {timed, select, yes {Lecturas opcionales añadidas el {day}: {count, plural, one {# lectura} other {# lecturas}} ({minutes}). Nunca cuentan como atrasadas} other {Temas opcionales añadidos el {day}: {count, plural, one {# tema} other {# temas}}. Nunca cuentan como atrasados}}.",
  "today.dayOff": "🌴 Día libre: no se espera ninguna lectura, y tu racha te aguarda.",
  "today.overdueMoreEnded": "…y {count, number} más ({minutes})",
  "today.backlogEnded":
    "📚 {returned, select, yes {De antes de que volvieras} other {De antes de que te unieras}}: {timed, select, yes {{count, plural, one {# lectura} other {# lecturas}} ({minutes}). Nunca cuentan como atrasadas} other {{count, plural, one {# tema} other {# temas}}. Nunca cuentan como atrasados}}.",
  "week.footerEnded": "✅ hecha · ⬜ pendiente",
  "week.footerEndedTopics": "✅ hecho · ⬜ pendiente",
  "nudge.cohortEnded": "**{name}** ha terminado: ya no se puede marcar nada como hecho, así que no se ha enviado ningún aviso.",
  "nudge.cohortFinished": "**{name}** ha finalizado: ya no se puede marcar nada como hecho, así que no se ha enviado ningún aviso.",
  "nudge.courseOver": "El curso de {member} ha terminado: ya pasó su último día de estudio, así que no se ha enviado nada.",
  "nudge.failed":
    "Discord no ha aceptado ahora mismo el aviso por mensaje directo para {member}, así que no se ha enviado. Vuelve a intentarlo en un minuto.",
  "today.dayOffWithReading":
    "🌴 Día libre: sin recordatorios, y tu racha te espera. Lo de abajo sigue siendo para hoy; después, `/ritmo` puede repartir lo que quede.",
  "join.late":
    "El curso ya está en marcha. Lo asignado antes de tu llegada forma un pendiente que nunca cuenta como atrasado (`/ritmo` lo muestra). Empieza desde esta semana, o ponte al día repartiendo el pendiente en tus próximos {days, number} días de estudio sin llenar ningún día más allá del doble de uno medio: lo que no quepa pasa a los días siguientes, y lo que por sí solo supere ese límite va en un día sin nada más del pendiente.",
  "join.startButton": "Empezar desde esta semana",
  "join.catchUpButton": "Ponerse al día",
  "join.startAfterCatchUp":
    "Lo anterior ya está repartido en tus próximos días de estudio por un plan para ponerte al día, y ahí sigue: `/hoy` muestra lo de cada día.{reset, select, yes { `/ritmo modo:Volver al plan de la cohorte` lo devuelve a tu pendiente.} other {}}",
  "join.startChosen": "Empiezas desde esta semana. Lo anterior sigue en tu pendiente; `/ritmo` lo muestra cuando quieras ponerte al día.",
  // ── Issue 12, lado de la cohorte: el final del curso, semanas de descanso (rama cohorts-end) ──
  "cohort.finished": "**{name}** ha finalizado: su curso ha acabado.",
  "cohortAdmin.finished":
    "{posted, select, yes {**{name}** ha finalizado: ya salió la publicación de cierre y se conserva la clasificación final. No se publica ni se recuerda nada más.} other {**{name}** ha finalizado, pero su publicación de cierre no salió (Discord la rechazó, o llegó demasiado tarde) y no se vuelve a enviar. La clasificación final se conserva igualmente: los miembros la ven con `/clasificacion`, y el resumen de su curso con `/hoy`. No se publica ni se recuerda nada más.}}",
  "cohortAdmin.finishedNote":
    "Finalizada: el curso ha acabado y se conserva su clasificación final; no se publica ni se recuerda nada más.",
  "cohortAdmin.status.finished": "🎓 Finalizada",
  "cohortAdmin.field.breaks": "Semanas de descanso",
  "checkpoint.cohortEnded":
    "**{name}** ha terminado, así que sus puntos de control ya no admiten respuestas. Tus respuestas anteriores se conservan.",
  "checkpoint.cohortFinished":
    "**{name}** ha finalizado, así que sus puntos de control ya no admiten respuestas. Tus respuestas anteriores se conservan.",
  "checkpoint.courseFinished":
    "El curso de **{name}** ha finalizado, así que sus puntos de control ya no admiten respuestas. `/hoy` muestra el resumen de tu curso.",
  "checkpoint.courseFinishedReadOn":
    "El curso de **{name}** ha finalizado, así que sus puntos de control ya no admiten respuestas. Tu propio plan sigue: `/hoy` muestra lo que te toca.",
  "remind.cohortEnded": "**{name}** ha terminado, así que ya no hay recordatorios. No ha cambiado nada.",
  "remind.cohortFinished": "**{name}** ha finalizado, así que ya no hay recordatorios. No ha cambiado nada.",
  "remind.courseFinished":
    "El curso de **{cohort}** ha finalizado, así que ya no hay recordatorios. `/hoy` muestra el resumen de tu curso.",
  "summary.title": "🎓 {cohort} · Curso finalizado",
  "summary.description": "El curso terminó el **{date}**. Así te ha ido:",
  "summary.titleEndedEarly": "🏁 {cohort} · Cohorte terminada",
  "summary.descriptionEndedEarly": "Se dio por terminada el **{date}**, antes de su último día previsto. Así te ha ido:",
  "summary.lateEndedEarly": "Ya no se puede marcar nada como hecho, y la clasificación final queda como se publicó.",
  "summary.lateEndedEarlyUnposted": "Ya no se puede marcar nada como hecho, y su clasificación final queda como estaba al terminarla.",
  "summary.requiredName": "Obligatorias",
  "summary.requiredValue": "{bar} {done, number} de {total, number}",
  "summary.optionalName": "Opcionales",
  "summary.optionalValue": "{count, plural, =0 {ninguna hecha} one {# hecha} other {# hechas}}",
  "summary.pointsName": "Puntos",
  "summary.pointsValue": "{points, number} pts",
  "summary.rankName": "Puesto final",
  "summary.rankNameSoFar": "Puesto hasta ahora",
  "summary.rankValue": "n.º {rank, number} de {ranked, number}",
  "summary.unranked": "No estás en la clasificación final",
  "summary.unrankedSoFar": "Por ahora no estás en la clasificación",
  "summary.excluded": "Sin puesto en esta cohorte (tu rol queda fuera de sus clasificaciones)",
  "summary.rankHidden": "Fuera de la clasificación pública · estarías en el puesto n.º {rank, number}",
  "summary.streakName": "Mejor racha",
  "summary.streakValue": "{days, plural, one {# día de estudio} other {# días de estudio}}",
  "summary.checkpointsName": "Puntos de control",
  "summary.checkpointsValue": "{answered, number} de {total, number} respondidos",
  "summary.late": "Lo que registres a partir de ahora sigue contando en `/progreso`; la clasificación final queda como se publicó.",
  "summary.lateUnposted": "Lo que registres a partir de ahora sigue contando en `/progreso`, pero no en la clasificación final del curso.",
  "summary.lateBeforeCourseEnd":
    "Lo que registres hasta que termine el curso de la cohorte ({at}, {relative}) sigue contando en su clasificación final; después, solo en `/progreso`.",
  "leaderboard.finalTitle": "🏆 {cohort} · Clasificación final",
  "leaderboard.finalFooter": "Tal como se publicó al final del curso · {ranked, plural, one {# miembro} other {# miembros}} con puntos",
  "leaderboard.finalTitleEnded": "🏁 {cohort} · Clasificación final",
  "leaderboard.finalFooterEnded":
    "Tal como se publicó al terminar la cohorte · {ranked, plural, one {# miembro} other {# miembros}} con puntos",
  "leaderboard.finalFooterUnposted": "Al final del curso · {ranked, plural, one {# miembro} other {# miembros}} con puntos",
  "leaderboard.finalFooterEndedUnposted": "Al terminar la cohorte · {ranked, plural, one {# miembro} other {# miembros}} con puntos",
  "break.title": "Semanas de descanso",
  "break.set":
    "La semana {week} de **{name}** es ahora de descanso: esa semana no se asigna nada, y cada semana, publicación y punto de control posterior se retrasa una semana. El curso tiene ahora {total} semanas; su publicación de cierre llega el **{end}**.",
  "break.undone":
    "La semana {week} de **{name}** vuelve a ser lectiva: cada semana posterior se adelanta una semana. El curso tiene ahora {total} semanas; su publicación de cierre llega el **{end}**.",
  "break.weeks": "{count, plural, one {Semana de descanso} other {Semanas de descanso}}: {weeks}",
  "break.noneLeft": "Ya no quedan semanas de descanso.",
  "break.notAWeek": "**{name}** tiene las semanas 1 a {total}: elige una de ellas.",
  "break.alreadyBreak": "La semana {week} de **{name}** ya es de descanso. Añade `deshacer:True` para que vuelva a ser lectiva.",
  "break.notABreak": "La semana {week} de **{name}** no es de descanso, así que no hay nada que deshacer.",
  "break.alreadyStarted": "La semana {week} de **{name}** ya ha empezado: solo pueden cambiar las semanas que aún no han llegado.",
  "break.postSent": "La publicación de la semana {week} de **{name}** ya ha salido: solo pueden cambiar las semanas aún no anunciadas.",
  "break.pastCalendar":
    "**{name}** no puede tener otra semana de descanso: su curso acabaría demasiado cerca del final del año 9999, donde termina el calendario del bot.",
  "weekPost.breakWeek":
    "☕ **Semana de descanso:** esta semana no hay nada asignado. Descansa o ponte al día con lo anterior; la semana {next} empieza el **{date}**.",
  "week.breakWeek": "☕ Semana de descanso: no hay nada asignado. Se retoma el **{date}**.",
  // Planes sin estimaciones (los temas del plan de 36 semanas)
  "format.topics": "{count, plural, one {# tema} other {# temas}}",
  "weekPost.itemTopic": "• **{title}** · {kind}{withTrack, select, yes { · {track}} other {}}",
  "weekPost.totalTopics":
    "**Total:** {items, plural, one {# tema} other {# temas}} en {days, plural, one {# día de estudio} other {# días de estudio}}",
  "week.itemTopic": "{mark} {title} · {kind}",
  "week.totalTopics": "Total: **{items, plural, one {# tema} other {# temas}}** · {done, plural, one {# hecho} other {# hechos}}",
  "today.itemTopic": "{mark} **{title}** · {kind}",
  "today.itemsMore": "…y {count, number} más: aparecen en `/semana`, y `/hecho` busca por nombre",
  "today.overdueTopics": "Atrasados · {count, plural, one {# tema} other {# temas}}",
  "today.overdueEndedName": "Sin hacer de días anteriores · {count, plural, one {# lectura} other {# lecturas}} · {minutes}",
  "today.overdueEndedTopics": "Sin hacer de días anteriores · {count, plural, one {# tema} other {# temas}}",
  "today.overdueItemTopic": "⬜ {title} · del {date}",
  "reminderDm.itemTopic": "• **{title}** · {kind}",
  // ── Privacidad (issue 13): clasificaciones con nombre, alias o sin aparecer; /privacy; ajustes de la cohorte. ──
  "leaderboard.alias": "Miembro {alias, number, ::group-off}",
  "leaderboard.standingYou": "{line} ← tú",
  "leaderboard.callerExcluded": "**{name}**: sin puesto en esta cohorte (tu rol queda fuera de sus clasificaciones) · {points, number} pts",
  "leaderboard.callerHidden":
    "**{name}**: fuera de la clasificación pública · estarías en el puesto n.º {rank, number} · {points, number} pts",
  "leaderboard.privacyNote":
    "{shown, select, alias {En las clasificaciones públicas los demás te ven con tu alias, no con tu nombre.} hidden {No apareces en las clasificaciones públicas: `/privacidad clasificacion:` lo cambia.} other {Esta cohorte no tiene clasificación pública, así que solo tú ves esto.}}",
  "leaderboard.boardOff": "Esta cohorte mantiene su clasificación en privado: solo se te muestra tu propia posición.",
  "leaderboard.nearEmpty": "Aún no hay nadie cerca de ti en la clasificación.",
  "leaderboard.nearEmptyWeekOver": "No hay nadie cerca de ti en la clasificación de la semana {week, number}: esa semana terminó.",
  "leaderboard.nearNoPlace": "No tienes puesto en esta clasificación, así que no hay nadie que mostrar a tu alrededor.",
  "leaderboard.nearOffFinalBoard": "No tienes puesto en la clasificación final, así que no hay nadie que mostrar a tu alrededor.",
  "leaderboard.finalNearNobodyShown":
    "Ya no se puede mostrar a ninguno de los miembros que están a tu alrededor en la clasificación final.",
  "leaderboard.finalNobodyShown": "Ya no se puede mostrar a ninguno de los miembros de la clasificación final.",
  "leaderboard.finalKeptPrivate":
    "La clasificación de esta cohorte era privada cuando terminó el curso, así que no hay clasificación final que mostrar: solo tu propia posición, para ti.",
  "posts.boardOff":
    "**{name}** mantiene su clasificación en privado (`clasificacion: Desactivada`), así que no hay clasificación que publicar.",
  "privacy.notInServer": "No estás en ninguna cohorte de este servidor, así que no hay nada que ajustar.",
  "privacy.confirmExpired": "Este botón no es tuyo o ha caducado. Vuelve a usar `/privacidad borrar:True`.",
  "privacy.invalidGuild":
    '"{value}" no es un id de servidor: los id de servidor de Discord tienen de 17 a 20 dígitos y son menores que 2^64.',
  "privacy.progressPrivate":
    "Este miembro mantiene su progreso en privado: las clasificaciones de la cohorte no lo muestran por su nombre.",
  "privacy.title": "🔒 Tu privacidad en este servidor",
  "privacy.settings":
    "{cohorts, plural, one {# cohorte} other {# cohortes}} · Clasificación: **{leaderboard, select, name {tu nombre} alias {un alias} other {no apareces}}** · Avisos de los facilitadores: **{nudges, select, on {activados} other {desactivados}}**",
  "privacy.updated": "Guardado: se aplica a todas tus cohortes de este servidor.",
  "privacy.cohortRule": "Una cohorte que muestra alias o ninguna clasificación te da al menos esa privacidad.",
  "privacy.help":
    "Cámbialo con `/privacidad clasificacion:` o `/privacidad avisos:`. `/privacidad exportar:True` te envía una copia de tus datos; `/privacidad borrar:True` los borra.",
  "privacy.exported": "Aquí tienes todo lo que se guarda sobre ti en este servidor, en JSON.",
  "privacy.exportAlreadyRunning":
    "Tu copia todavía se está preparando o enviando. Espera a que llegue y vuelve a pedirla si aún necesitas otra.",
  "privacy.exportTooLarge":
    "Tu copia supera el límite de {maxMb} MB de Discord para adjuntos, así que no se puede enviar aquí. Pide a quien aloja el bot una copia desde la base de datos.",
  "privacy.nothingStored": "No se guarda nada sobre ti en este servidor.",
  "privacy.deleteConfirm":
    "Esto borra todo lo que se guarda sobre ti en este servidor: {cohorts, plural, =0 {tu id en las cohortes que creaste y en las acciones de administración que hiciste} one {# membresía de cohorte con todo lo que marcaste como hecho, tus puntos, tus respuestas a los puntos de control y tus recordatorios} other {# membresías de cohorte con todo lo que marcaste como hecho, tus puntos, tus respuestas a los puntos de control y tus recordatorios}}. No se puede deshacer. Pulsa el botón para confirmar, o descarta este mensaje para conservar tus datos.",
  "privacy.deleteButton": "Borrar mis datos",
  "privacy.deleted":
    "Hecho: todo lo que se guardaba sobre ti en este servidor está borrado ({cohorts, plural, =0 {tu id en los registros de administración} one {# membresía de cohorte} other {# membresías de cohorte}}). Las clasificaciones ya no te cuentan y las ya publicadas en los canales de las cohortes se editan para quitarte, normalmente en unos minutos (más tarde si una cohorte está en pausa o el bot no puede publicar en su canal; una publicación que un administrador hizo con `/cohorte anunciar` se queda como estaba).",
  "cohortAdmin.field.leaderboard": "Clasificación",
  "cohortAdmin.leaderboardValue":
    "{board, select, names {Nombres} aliases {Alias (Miembro 7)} other {Desactivada: cada miembro ve solo su propia posición}}",
  "cohortAdmin.field.excludeRole": "Nunca clasificados",
  "cohortAdmin.excludeRoleNone": "Ningún rol: todos los miembros pueden clasificarse",
  // ── fin del bloque de privacidad ──
  // ── pictures branch: the progress card, the weekly and course charts, the live weekly board ──
  "pictures.number": "{value, number}",
  "pictures.percent": "{value, number} %",
  "progressCard.required": "Obligatorias",
  "progressCard.sections": "Secciones",
  "progressCard.points": "{points, plural, one {punto} other {puntos}}",
  "progressCard.rank": "n.º {rank, number} de {ranked, number}",
  "progressCard.rankHidden": "serías el n.º {rank, number}",
  "progressCard.streak": "Racha",
  "progressCard.streakValue": "🔥 {days, plural, one {# día} other {# días}}",
  "progressCard.streakStarts": "🔥 Empieza el {date}",
  "progressCard.freezes": "❄️ {count, plural, one {# comodín} other {# comodines}}",
  "progressCard.week": "S{week}",
  "progressCard.legendDone": "Hecho",
  "progressCard.legendMissed": "Perdido",
  "progressCard.legendFrozen": "Comodín",
  "progressCard.legendDayOff": "Descanso",
  "progressCard.more": "+{count, number} más",
  "progressCard.count": "{done, number} / {total, number}",
  "progressCard.sectionCount": "{done, number}/{total, number}",
  "progressCard.alt":
    "Tarjeta de progreso de {name}: {done, number} de {total, number} {timed, select, yes {lecturas obligatorias hechas} other {temas obligatorios hechos}}, {points, plural, one {# punto} other {# puntos}}, {standing}, {starts, select, yes {una racha que empieza el {startsOn}} other {una racha de {streak, plural, one {# día de estudio} other {# días de estudio}}}}; cuadrícula de días de estudio: {studied, plural, one {# día hecho} other {# días hechos}}, {missed, plural, one {# perdido} other {# perdidos}}{frozen, plural, =0 {} one {, # salvado con un comodín} other {, # salvados con comodines}}, {off, plural, one {# día de descanso} other {# días de descanso}}.",
  "progressCard.altRanked": "puesto n.º {rank, number} de {ranked, number}",
  "progressCard.altHidden": "fuera de la clasificación pública, estaría en el puesto n.º {rank, number}",
  "progressCard.altExcluded": "sin puesto en esta cohorte",
  "progressCard.altUnranked": "aún sin clasificar",
  "progressCard.altOffFinalBoard": "fuera de la clasificación final",
  "progressCard.altLeft": "fuera de la clasificación desde que dejó la cohorte",
  "weeklyChart.title": "Semana {week} · {from} – {to}",
  "weeklyChart.minutesRead": "Minutos leídos",
  "weeklyChart.topicsRead": "Temas leídos",
  "weeklyChart.sectionCompletion": "Secciones completadas",
  "weeklyChart.more": "+{count, number} más",
  "weeklyChart.alt":
    "Gráfico de la semana {week}: la cohorte leyó {minutes, plural, one {# minuto} other {# minutos}} {partial, select, yes {hasta ahora} other {en total}} ({days}); secciones completadas: {sections}.",
  "weeklyChart.dayMinutes": "{day} {minutes, number} min",
  "weeklyChart.dayTopics": "{day} {topics, number}",
  "weeklyChart.beforeStartBar": "Antes",
  "weeklyChart.beforeStartMinutes": "antes del primer día {minutes, number} min",
  "weeklyChart.beforeStartTopics": "antes del primer día {topics, number}",
  "weeklyChart.dayNotOver": "{day} aún sin terminar",
  "weeklyChart.notOverBar": "…",
  "weeklyChart.altTopics":
    "Gráfico de la semana {week}: la cohorte leyó {topics, plural, one {# tema} other {# temas}} {partial, select, yes {hasta ahora} other {en total}} ({days}); secciones completadas: {sections}.",
  "weeklyChart.sectionPercent": "{title} {percent, number} %",
  "courseChart.title": "\u2068{cohort}\u2069 · el curso completo",
  "courseChart.completionPerWeek": "Completado por semana",
  "courseChart.week": "S{week}",
  "courseChart.alt": "Gráfico del curso: cuánto de la lectura de cada semana completó la cohorte, semana a semana: {percents}.",
  "courseChart.weekPercent": "semana {week}: {percent, number} %",
  "courseChart.weekBreak": "semana {week}: descanso",
  "courseChart.breakBar": "☕",
  "courseChart.weekNothingAssigned": "semana {week}: nada asignado",
  "courseChart.nothingAssignedBar": "–",
  "liveBoard.title": "🏆 Clasificación de la semana {week} · en directo",
  "liveBoard.description": "Se actualiza a medida que los miembros registran lo que completan esta semana (como mucho una vez por minuto).",
  "liveBoard.empty": "Aún no hay puntos esta semana. Registra con `/hecho` lo que completes para entrar en la clasificación.",
  "liveBoard.off": "Esta cohorte mantiene ahora su clasificación en privado: cada miembro ve su propia posición con `/clasificacion`.",
  "liveBoard.finalTitle": "🏆 Clasificación de la semana {week} · final",
  "liveBoard.finalDescription":
    "La semana {week} ha terminado: esta es su clasificación tal como estaba cuando este mensaje dejó de actualizarse.",
  "liveBoard.finalEmpty": "Nadie registró puntos esta semana.",
  "liveBoard.setAsideTitle": "🏆 Clasificación de la semana {week} · trasladada",
  "liveBoard.setAsideDescription":
    "La fecha de inicio de la cohorte cambió y la semana {week} pasó a otras fechas: esta clasificación ya no se actualiza. `/clasificacion` muestra la actual.",
  // ── Facilitators: /cohort roster, audit, credit, export, Nudge, confidence map (facilitators branch) ──
  "roster.namesake": "{name} #{number}",
  "roster.title": "Miembros · {name}",
  "roster.counts":
    "🔴 Atrasados {behind, number} · 💤 Inactivos {quiet, number} · 🤔 Todavía no {notYet, number} · 🟢 Al día {onTrack, number} · 🏁 Terminados {finished, number}",
  "roster.group.behind": "**🔴 Atrasados** (lecturas obligatorias vencidas sin hacer)",
  "roster.group.behindTopics": "**🔴 Atrasados** (temas obligatorios vencidos sin hacer)",
  "roster.group.quiet": "**💤 Inactivos** (nada registrado en los últimos 5 días de estudio)",
  "roster.group.not_yet": '**🤔 Todavía no** (respondieron "Todavía no" en alguno de los últimos puntos de control publicados)',
  "roster.group.on_track": "**🟢 Al día**",
  "roster.group.finished": "**🏁 Terminados**",
  "roster.line":
    "{member} ({name}) · {pace} · {logged, select, yes {última vez {last}} other {nada registrado aún}} · racha {streak, number} · ✅ {confident, number} 🟡 {partly, number} 🔴 {notYet, number}{hasLatest, select, yes { · 🤔 {latest}} other {}}{daysOff, select, yes { · 🌴 días libres hasta el {until}} other {}}{nudgesOff, select, yes { · 🔕 avisos desactivados} other {}}",
  "roster.paceBehind":
    "{timed, select, yes {{items, plural, one {# lectura atrasada} other {# lecturas atrasadas}} ({time})} other {{items, plural, one {# tema atrasado} other {# temas atrasados}}}}",
  "roster.paceOnTrack": "al día",
  "roster.latestNotYet": "{count, number}/{total, number}",
  "roster.latestLegend": '🤔 2/3: "Todavía no" en 2 de los 3 últimos puntos de control',
  "roster.empty": "No hay miembros en esta lista.",
  "roster.nudge": "Animar a {name}",
  "roster.previous": "◀ Anterior",
  "roster.next": "Siguiente ▶",
  "roster.footer": "Página {page, number} de {pages, number} · {filter}",
  "roster.filter.all": "todos los miembros",
  "roster.filter.behind": "atrasados",
  "roster.filter.quiet": "inactivos",
  "roster.filter.not_yet": "todavía no",
  "nudge.member": "{member} ({name})",
  "nudge.sent":
    "Has animado a {member}: ha recibido un mensaje directo amable.{count, plural, =0 {} one { En él se nombra el último punto de control publicado que aún no ha respondido: {checkpoints}.} other { En él se nombran los # últimos puntos de control publicados que aún no ha respondido: {checkpoints}.}}",
  "nudge.checkpointTitle": "**{title}**",
  "nudge.checkpointSeparator": ", ",
  "nudge.tooSoon": "A {member} ya se le animó hace menos de 3 días. Podrás enviarle ánimos de nuevo {next}.",
  "nudge.optedOut": "{member} desactivó los avisos de los facilitadores, así que no se ha enviado nada.",
  "nudge.daysOff": "{member} tiene días libres hasta el {until}, así que no se ha enviado nada. Podrás enviarle ánimos cuando vuelva.",
  "nudge.notNeeded":
    "{finished, select, yes {{member} ya ha terminado {timed, select, yes {todas las lecturas obligatorias} other {todos los temas obligatorios}}} other {{member} ya va al día}}, así que no se ha enviado nada.",
  "nudge.dmClosed": "{member} no acepta mensajes directos del bot, así que no se ha podido entregar.",
  "nudgeDm.title": "Un saludo de {cohort}",
  "nudgeDm.checkpoints":
    "{count, plural, one {El último punto de control sigue} other {Los # últimos puntos de control siguen}} esperando tu respuesta: {checkpoints}. {count, plural, one {Sus botones están en su publicación} other {Sus botones están en sus publicaciones}} del canal de la cohorte.",
  "nudgeDm.body":
    "Quienes facilitan **{cohort}** quieren saber cómo lo llevas. Usa `/hoy` en el servidor para ver dónde estás. Sin presión: cada paso cuenta, y siempre puedes preguntar en el canal de la cohorte.",
  "audit.title": "Acciones de administración · {name}",
  "audit.empty": "Aún no hay acciones de administración registradas.",
  "audit.newer": "◀ Más recientes",
  "audit.older": "Más antiguas ▶",
  "audit.line": "{when} · {hasActor, select, yes {{actor} · } other {}}{action}{hasDetails, select, yes { · {details}} other {}}",
  "audit.actor.erased": "un administrador cuyo id no se guarda",
  "audit.breakSet": "la semana {week} es de descanso",
  "audit.breakUndone": "la semana {week} vuelve a ser lectiva",
  "audit.announced":
    "{kind, select, week {la tarea de la semana {week}} checkpoint {el punto de control de {section}} other {la clasificación}}",
  "audit.announcedParts":
    "{complete, select, no {{posted, plural, one {solo se publicó # de {parts, number} mensajes} other {solo se publicaron # de {parts, number} mensajes}}} other {{missing, plural, one {el mensaje que faltaba de {parts, number}} other {los # mensajes que faltaban de {parts, number}}}}}",
  "audit.exported":
    "{format, select, json {JSON} other {CSV}}{upload, select, sent { · enviada} too_large { · no enviada: Discord rechazó el archivo por ser demasiado grande} refused { · no enviada: Discord la rechazó} failed { · la subida falló; puede que Discord recibiera el archivo} other {}}",
  "audit.action.create": "creó la cohorte",
  "audit.action.edit": "cambió los ajustes",
  "audit.action.pause": "pausó la cohorte",
  "audit.action.resume": "reanudó la cohorte",
  "audit.action.end": "terminó la cohorte",
  "audit.action.break": "cambió una semana de descanso",
  "audit.action.credit": "marcó algo como hecho en nombre de un miembro",
  "audit.action.credit_undo": "desmarcó algo en nombre de un miembro",
  "audit.action.announce": "publicó un anuncio",
  "audit.action.import": "importó un plan de estudios",
  "audit.action.nudge": "animó a un miembro",
  "audit.action.export": "pidió una exportación de los datos de la cohorte",
  "audit.action.privacy_delete": "un miembro borró sus datos (/privacidad)",
  "audit.action.channel_usable": "el bot vuelve a poder publicar en el canal de la cohorte",
  "audit.action.course_shortened": "una versión más corta del plan de estudios terminó el curso",
  "credit.loggedFor": "Registrado para {member}:",
  "credit.removedFor": "Retirado para {member}:",
  "credit.alreadyDone": "{member} ya tenía registrado **{title}**, así que no ha cambiado nada.",
  "credit.notDone": "{member} no tiene registrado **{title}**, así que no hay nada que retirar.",
  "credit.alreadyDoneTopic": "{member} ya tenía registrado **{title}**, así que no ha cambiado nada.",
  "credit.notDoneTopic": "{member} no tiene registrado **{title}**, así que no hay nada que retirar.",
  "export.ready": "**{name}**: {members, plural, one {# miembro exportado} other {# miembros exportados}} en {format}.",
  "export.alreadyRunning":
    "Ya se está haciendo una exportación en este servidor. Solo se hace una a la vez: espera a que llegue su archivo y vuelve a intentarlo si aún necesitas otra.",
  "export.tooLarge":
    "La exportación supera el límite de {maxMb} MB de Discord para adjuntos. Prueba con `formato:JSON` o `formato:CSV (hojas de cálculo)` (el que no hayas usado); si los dos son demasiado grandes, pide a quien aloja el bot que exporte la cohorte desde la base de datos.",
  "confidence.name": "Mapa de confianza (al día / atrasados)",
  "confidence.line":
    "{section}: Con seguridad {confident, number}/{confidentBehind, number} · En parte {partly, number}/{partlyBehind, number} · Todavía no {notYet, number}/{notYetBehind, number}",

  // La zona de pruebas local (src/playground): su página, su reloj y sus rechazos.
  "playground.page.title": "Zona de pruebas de cohort-bot",
  "playground.page.loading": "Cargando…",
  "playground.page.servers": "Servidores",
  "playground.page.sidebar": "Canales y quién eres",
  "playground.page.youAre": "Eres",
  "playground.page.language": "Idioma de Discord",
  "playground.page.members": "Miembros",
  "playground.page.messages": "Mensajes",
  "playground.page.clock": "Reloj de la zona de pruebas",
  "playground.page.clockDay": "+1 día",
  "playground.page.clockDayHint": "Adelantar el reloj un día",
  "playground.page.clockWeek": "+1 semana",
  "playground.page.clockWeekHint": "Adelantar el reloj una semana",
  "playground.page.clockNextPost": "Siguiente publicación ▸",
  "playground.page.clockNextPostHint": "Llevar el reloj a la siguiente publicación programada",
  "playground.page.clockNext": "Siguiente: {post} · {when}",
  "playground.page.clockNextTitle": "{cohort}: {post}, {when}",
  "playground.page.clockNoPostLeft": "No quedan publicaciones programadas.",
  "playground.page.command": "Comando",
  "playground.page.commandPlaceholder": "Escribe / para usar un comando",
  "playground.page.commandPlaceholderIn": "Escribe / para usar un comando en #{channel}",
  "playground.page.commandPlaceholderShort": "Escribe / para un comando",
  "playground.page.commandsInChannelsOnly": "Los comandos se usan en los canales del servidor",
  "playground.page.send": "Enviar",
  "playground.page.sendHint": "Ejecutar el comando",
  "playground.page.hint": "Elige quién eres en la lista de miembros, escribe {slash} y elige un comando. Nada sale de este ordenador.",
  "playground.page.pickCommand": "Escribe / y elige un comando.",
  "playground.page.fillIn": "Rellena antes {option}.",
  "playground.page.commands": "Comandos",
  "playground.page.choose": "Elige…",
  "playground.page.true": "Verdadero",
  "playground.page.false": "Falso",
  "playground.page.textChannels": "Canales de texto",
  "playground.page.directMessages": "Mensajes directos",
  "playground.page.dmWelcome": "Mensajes directos de {bot}",
  "playground.page.dmWelcomeText": "Aquí llegan los recordatorios que te envía el bot (/recordatorio).",
  "playground.page.channelWelcome": "Te damos la bienvenida a #{channel}",
  "playground.page.channelWelcomeText":
    "Aquí el bot publica las lecturas de cada semana, las preguntas del punto de control al final de cada sección que tenga uno y la clasificación.",
  "playground.page.groupAdmin": "Administración — {count}",
  "playground.page.groupMembers": "Miembros — {count}",
  "playground.page.groupNewcomers": "Aún no están en la cohorte — {count}",
  "playground.page.groupApps": "Aplicaciones — {count}",
  "playground.page.viewerAdmin": "{name} (administración)",
  "playground.page.viewerNewcomer": "{name} (aún no se ha unido)",
  "playground.page.actAs": "Actuar como {name}",
  "playground.page.unknownName": "desconocido",
  "playground.page.deletedRole": "rol-eliminado",
  "playground.page.requestFailed": "La petición ha fallado ({status})",
  "playground.page.connectionRefused": "se ha rechazado su conexión en directo",
  "playground.page.couldNotLoad": "No se ha podido cargar la zona de pruebas: {reason}",
  "playground.page.todayAt": "Hoy a las {time}",
  "playground.page.yesterdayAt": "Ayer a las {time}",
  "playground.page.used": "{user} usó {command}",
  "playground.page.clickedButton": "{user} pulsó un botón",
  "playground.page.appTag": "APP",
  "playground.page.thinking": "{name} está pensando…",
  "playground.page.thread": "🧵 Hilo abierto para comentarlo",
  "playground.page.onlyYou": "Solo tú puedes ver esto · {dismiss}",
  "playground.page.dismiss": "Descartar mensaje",
  "playground.page.download": "Descargar {file}",
  "playground.page.selectMenu": "Menú de selección",
  "playground.page.brokenMessage": "No se ha podido mostrar este mensaje.",
  "playground.clock.starts": "Empieza el {date}",
  "playground.clock.finished": "Curso terminado",
  "playground.clock.week": "Semana {week} · Día {day}",
  "playground.clock.weekNoReading": "Semana {week} · Día {day} · sin lectura",
  "playground.clock.withStatus":
    "{words} (cohorte {status, select, active {activa} paused {en pausa} ended {terminada} finished {finalizada} other {{status}}})",
  "playground.clock.weekPost": "Tarea de la semana {week}",
  "playground.clock.checkpointPost": "Punto de control: {section}",
  "playground.clock.closingPost": "Publicación de cierre",
  "playground.error.stillStarting": "La zona de pruebas aún se está iniciando.",
  "playground.error.notFound": "No encontrado",
  "playground.error.localOnly": "Abre la zona de pruebas en su dirección 127.0.0.1.",
  "playground.error.sendJson": "Envía JSON (content-type: application/json).",
  "playground.error.jsonBody": "Envía un cuerpo JSON.",
  "playground.error.tooLarge": "Petición demasiado grande",
  "playground.error.invalid": "Petición no válida: {problem}",
  "playground.error.unexpected": "La zona de pruebas ha tenido un error inesperado; mira los detalles en la terminal.",
  "playground.error.emulator": "{reason}",
  "playground.error.optionRequired": "{command} necesita la opción «{option}».",
  "playground.error.optionNumber": "La opción «{option}» de {command} admite un número.",
  "playground.error.optionInteger": "La opción «{option}» de {command} admite un número entero.",
  "playground.error.optionAtLeast": "La opción «{option}» de {command} debe ser como mínimo {limit}.",
  "playground.error.optionAtMost": "La opción «{option}» de {command} debe ser como máximo {limit}.",
  "playground.error.optionMinLength":
    "La opción «{option}» de {command} admite como mínimo {limit, plural, one {# carácter} other {# caracteres}}.",
  "playground.error.optionMaxLength":
    "La opción «{option}» de {command} admite como máximo {limit, plural, one {# carácter} other {# caracteres}}.",
  "playground.error.optionUnknownUser": "La opción «{option}» de {command}: no hay ningún usuario {id} en el servidor de demostración.",
  "playground.error.autocompleteTimeout": "{bot} no ha respondido a tiempo a la petición de autocompletado.",
  "playground.error.interactionFailed": "Esta interacción ha fallado: el bot no ha respondido en 3 segundos.",
  "playground.error.noPostLeft": "No queda ninguna publicación programada a la que ir.",
  "playground.error.unknownLanguage": "Elige uno de los idiomas que habla el bot.",
  "playground.error.unknownUser": "Elige a alguien del servidor de demostración.",
  "playground.error.unknownChannel": "Elige un canal del servidor de demostración.",
};

/**
 * Spanish names and descriptions of every command, option and choice, keyed
 * by path ("cohort create announce_day" for an option, "…=1" for a choice).
 * Names follow Discord's rules: lower case, no spaces, at most 32 characters.
 */
export const esCommands: CommandTexts = {
  today: ["hoy", "Lo que toca hoy, lo atrasado, los minutos y botones para marcar cada cosa como hecha"],
  "today cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  done: ["hecho", "Marca como hecho algo del plan: una lectura o un tema"],
  "done item": ["lectura", "La lectura o el tema (empieza a escribir para buscar)"],
  "done when": ["cuando", "Hoy (por defecto) o ayer: cuenta para la racha del día de estudio anterior, sin bonificación"],
  "done when=today": ["Hoy"],
  "done when=yesterday": ["Ayer"],
  "done cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  undo: ["deshacer", "Desmarca algo que marcaste como hecho por error (también se retiran sus puntos)"],
  "undo item": ["lectura", "Lo que marcaste como hecho (empieza a escribir para buscar)"],
  "undo cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  week: ["semana", "El plan de una semana: secciones, lo que toca cada día y el tiempo total"],
  "week number": ["numero", "Número de semana (por defecto, la actual)"],
  "week cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  progress: ["progreso", "Cómo vas tú (u otro miembro): lo completado, minutos, secciones, racha, puntos y puesto"],
  "progress member": ["miembro", "Otro miembro de la cohorte (por defecto, tú)"],
  "progress cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  // Planes personales (issue 12)
  pace: ["ritmo", "Cuánto vas por detrás o por delante; ponte al día, amplía tu calendario una semana o restablécelo"],
  "pace mode": ["modo", "Qué cambiar (sin él, ves tu ritmo)"],
  "pace mode=catch_up": ["Ponerse al día"],
  "pace mode=extend": ["Ampliar una semana"],
  "pace mode=reset": ["Volver al plan de la cohorte"],
  "pace days": ["dias", "Ponerte al día en este número de días de estudio (por defecto 5)"],
  "pace cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  break: ["descanso", "Días libres: sin recordatorios y tu racha te espera (acaban como mucho 28 días después de empezar)"],
  "break from": ["desde", "Primer día libre, AAAA-MM-DD"],
  "break to": ["hasta", "Último día libre, AAAA-MM-DD (como mucho 28 días después de desde)"],
  "break off": ["terminar", "True termina tu descanso en esas fechas"],
  "break cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  leaderboard: ["clasificacion", "La clasificación de la cohorte: pública, o privada si la cohorte o tu privacidad lo piden"],
  "leaderboard period": ["periodo", "Esta semana (por defecto) o histórico"],
  "leaderboard period=week": ["Esta semana"],
  "leaderboard period=all": ["Histórico"],
  "leaderboard cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  "leaderboard view": ["vista", "Los diez primeros (por defecto) o tú con los dos miembros por encima y por debajo"],
  "leaderboard view=top": ["Primeros"],
  "leaderboard view=near": ["Cerca de mí"],
  checkpoint: ["control", "El punto de control de la sección actual, con botones para valorar tu seguridad"],
  "checkpoint cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  join: ["unirse", "Únete a una cohorte de estudio de este servidor"],
  "join cohort": ["cohorte", "La cohorte a la que unirte"],
  leave: ["salir", "Deja una cohorte: sales de su clasificación y tu historial se conserva"],
  "leave cohort": ["cohorte", "La cohorte que dejas"],
  remind: ["recordatorio", "Un mensaje directo diario con lo que te queda por hacer; sin opciones, muestra tu ajuste"],
  "remind time": ["hora", "Tu hora local, HH:MM de 24 horas (p. ej. 08:30)"],
  "remind timezone": ["zona_horaria", "Zona IANA como Europe/Madrid; cohorte: la de la cohorte (por defecto: la tuya, si no la de ella)"],
  "remind off": ["desactivar", "True desactiva tu recordatorio"],
  "remind cohort": ["cohorte", "Cohorte (opcional si solo estás en una)"],
  privacy: ["privacidad", "Lo que otros ven de ti, los avisos, una copia de tus datos o borrarlos (solo este servidor)"],
  "privacy leaderboard": ["clasificacion", "Cómo te muestran las clasificaciones públicas"],
  "privacy leaderboard=name": ["Mi nombre"],
  "privacy leaderboard=alias": ["Un alias (Miembro 7)"],
  "privacy leaderboard=hidden": ["Oculto"],
  "privacy nudges": ["avisos", "Mensajes directos amables de los facilitadores cuando te quedas atrás"],
  "privacy nudges=on": ["Activados"],
  "privacy nudges=off": ["Desactivados"],
  "privacy export": ["exportar", "True: un archivo con todo lo que se guarda sobre ti aquí"],
  "privacy delete": ["borrar", "True: borra todo lo que se guarda sobre ti aquí (pregunta antes)"],
  cohort: ["cohorte", "Crea y gestiona las cohortes de estudio del servidor (administradores)"],
  "cohort create": ["crear", "Empieza una cohorte con un plan de estudios, publicando en un canal"],
  "cohort create name": ["nombre", "Nombre de la cohorte, p. ej. Backend Primavera 2027"],
  "cohort create curriculum": ["plan", "El plan de estudios que seguir"],
  "cohort create channel": ["canal", "Canal de las publicaciones de la cohorte"],
  "cohort create start": ["inicio", "Primer día de la semana 1, AAAA-MM-DD (hora de la cohorte)"],
  "cohort create timezone": ["zona_horaria", "Zona horaria IANA como Europe/Madrid (por defecto UTC)"],
  "cohort create announce_day": ["dia_anuncio", "Día de la publicación semanal (por defecto, lunes)"],
  "cohort create announce_day=1": ["Lunes"],
  "cohort create announce_day=2": ["Martes"],
  "cohort create announce_day=3": ["Miércoles"],
  "cohort create announce_day=4": ["Jueves"],
  "cohort create announce_day=5": ["Viernes"],
  "cohort create announce_day=6": ["Sábado"],
  "cohort create announce_day=7": ["Domingo"],
  "cohort create announce_time": ["hora_anuncio", "Hora de la publicación semanal, HH:MM (por defecto 09:00)"],
  "cohort create include_optional": ["incluir_opcionales", "Asignar también el contenido opcional (por defecto, no)"],
  "cohort create language": ["idioma", "Idioma de las publicaciones en el canal (por defecto, inglés)"],
  "cohort create leaderboard": ["clasificacion", "Cómo muestran a los miembros las clasificaciones públicas (por defecto, nombres)"],
  "cohort create leaderboard=names": ["Nombres"],
  "cohort create leaderboard=aliases": ["Alias"],
  "cohort create leaderboard=off": ["Desactivada"],
  "cohort create exclude_role": ["rol_excluido", "Un rol cuyos miembros nunca se clasifican, p. ej. facilitadores"],
  "cohort list": ["lista", "Todas las cohortes del servidor con su estado"],
  "cohort list cohort": ["cohorte", "Solo esta cohorte (por defecto, todas las del servidor)"],
  "cohort info": ["info", "Ajustes, miembros, estado y próximas publicaciones de una cohorte"],
  "cohort info cohort": ["cohorte", "Cohorte (opcional si el servidor solo tiene una)"],
  "cohort edit": ["editar", "Cambia el nombre, el canal o el calendario de una cohorte"],
  "cohort edit cohort": ["cohorte", "La cohorte que cambiar"],
  "cohort edit name": ["nombre", "Nombre nuevo"],
  "cohort edit channel": ["canal", "Canal nuevo para las publicaciones de la cohorte"],
  "cohort edit start": ["inicio", "Primer día de la semana 1, AAAA-MM-DD (hora de la cohorte)"],
  "cohort edit timezone": ["zona_horaria", "Zona horaria IANA nueva, como Europe/Madrid"],
  "cohort edit announce_day": ["dia_anuncio", "Día nuevo de la publicación semanal"],
  "cohort edit announce_day=1": ["Lunes"],
  "cohort edit announce_day=2": ["Martes"],
  "cohort edit announce_day=3": ["Miércoles"],
  "cohort edit announce_day=4": ["Jueves"],
  "cohort edit announce_day=5": ["Viernes"],
  "cohort edit announce_day=6": ["Sábado"],
  "cohort edit announce_day=7": ["Domingo"],
  "cohort edit announce_time": ["hora_anuncio", "Hora nueva de la publicación semanal, HH:MM"],
  "cohort edit include_optional": ["incluir_opcionales", "Asignar también el contenido opcional"],
  "cohort edit language": ["idioma", "Idioma de las publicaciones en el canal"],
  "cohort edit leaderboard": ["clasificacion", "Cómo muestran a los miembros las clasificaciones públicas"],
  "cohort edit leaderboard=names": ["Nombres"],
  "cohort edit leaderboard=aliases": ["Alias"],
  "cohort edit leaderboard=off": ["Desactivada"],
  "cohort edit exclude_role": ["rol_excluido", "Un rol cuyos miembros nunca se clasifican (@everyone: nadie)"],
  "cohort pause": ["pausar", "Pausa una cohorte: sin publicaciones ni recordatorios hasta reanudarla"],
  "cohort pause cohort": ["cohorte", "La cohorte"],
  "cohort resume": ["reanudar", "Reanuda una cohorte en pausa"],
  "cohort resume cohort": ["cohorte", "La cohorte"],
  "cohort end": ["terminar", "Termina una cohorte: una publicación de cierre y después nada más"],
  "cohort end cohort": ["cohorte", "La cohorte"],
  "cohort announce": ["anunciar", "Publica ya en el canal: el plan de la semana, el punto de control o la clasificación"],
  "cohort announce cohort": ["cohorte", "La cohorte"],
  "cohort announce kind": ["tipo", "Qué publicar"],
  "cohort announce kind=week": ["El plan de esta semana"],
  "cohort announce kind=checkpoint": ["El punto de control actual"],
  "cohort announce kind=leaderboard": ["La clasificación"],
  "cohort preview": ["vista_previa", "Mira exactamente lo que el bot publicará una semana (solo lo ves tú)"],
  "cohort preview cohort": ["cohorte", "La cohorte"],
  "cohort preview week": ["semana", "Número de semana (por defecto, la próxima publicación semanal)"],
  // Facilitators (facilitators branch).
  "cohort roster": ["miembros", "Quién va atrasado, inactivo, con dudas o al día, con un botón para animar a quien lo necesite"],
  "cohort roster cohort": ["cohorte", "Cohorte (opcional si el servidor solo tiene una)"],
  "cohort roster filter": ["filtro", "Qué miembros mostrar (por defecto, todos)"],
  "cohort roster filter=all": ["Todos"],
  "cohort roster filter=behind": ["Atrasados"],
  "cohort roster filter=quiet": ["Inactivos"],
  "cohort roster filter=not_yet": ["Todavía no"],
  "cohort credit": ["acreditar", "Marca (o desmarca) algo como hecho en nombre de un miembro, para corregir errores"],
  "cohort credit cohort": ["cohorte", "La cohorte"],
  "cohort credit member": ["miembro", "El miembro en cuyo nombre se marca"],
  "cohort credit item": ["lectura", "La lectura o el tema (empieza a escribir para buscar)"],
  "cohort credit undo": ["deshacer", "True: lo desmarca en lugar de marcarlo"],
  "cohort audit": ["auditoria", "Las acciones de administración de una cohorte, las más recientes primero: quién hizo qué y cuándo"],
  "cohort audit cohort": ["cohorte", "Cohorte (opcional si el servidor solo tiene una)"],
  "cohort export": ["exportar", "Descarga miembros, lo que completaron, respuestas a los puntos de control y puntos semanales"],
  "cohort export cohort": ["cohorte", "La cohorte"],
  "cohort export format": ["formato", "Formato del archivo (por defecto, CSV)"],
  "cohort export format=csv": ["CSV (hojas de cálculo)"],
  "cohort export format=json": ["JSON"],
  curriculum: ["plan", "Lista, muestra e importa planes de estudios (administradores)"],
  "curriculum list": ["lista", "Planes que puede usar este servidor: los incluidos y los importados"],
  "curriculum list curriculum": ["plan", "Solo este plan (por defecto, todos los que puede usar este servidor)"],
  "curriculum show": ["mostrar", "El esquema de un plan: secciones, semanas y contenido"],
  "curriculum show curriculum": ["plan", "Plan de estudios (opcional si solo hay uno)"],
  "curriculum import": ["importar", "Importa o actualiza un plan desde un archivo (.md o .txt)"],
  "curriculum import file": ["archivo", "El documento del plan de estudios"],
  // Issue 12, cohort side (cohorts-end branch)
  "cohort break": ["descanso", "Convierte una semana en descanso: no se asigna nada y las siguientes se retrasan una semana"],
  "cohort break cohort": ["cohorte", "La cohorte"],
  "cohort break week": ["semana", "La semana que pasa a ser de descanso (una que aún no ha empezado)"],
  "cohort break undo": ["deshacer", "True: la semana de descanso vuelve a ser lectiva"],
};

export const language: LanguageFile = {
  catalogue: es,
  commands: esCommands,
  intlLocale: "es-ES",
  discordLocales: ["es-ES", "es-419"],
  label: "Español",
};
