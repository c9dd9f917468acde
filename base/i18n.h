/* i18n.h - message translation with GNU gettext (docs/i18n.md).
 *
 * _("...") marks a user-facing text and returns its translation in the
 * chosen language; N_("...") only marks one (static tables), translated
 * with _() where it is printed; P_(one, many, n) picks the plural form for
 * n ("1 file", "2 files"). The language is chosen once in cli/main.c
 * (egaf_cli_set_language); the library only looks texts up. Rule ids,
 * option names, keys and the severity words of the gcc-style first line
 * are never translated. */
#ifndef EGAF_I18N_H
#define EGAF_I18N_H

#include <libintl.h>

#define EGAF_TEXTDOMAIN "egaf"
#define _(s) dgettext(EGAF_TEXTDOMAIN, s)
#define N_(s) (s)
#define P_(one, many, n) dngettext(EGAF_TEXTDOMAIN, one, many, (unsigned long)(n))

#endif
