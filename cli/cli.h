/* cli.h - what every subcommand shares: the command table, option parsing,
 * error messages, locating inputs and reference models, writing outputs.
 * Only cli/ exits the process; it does so in main() from the returned code. */
#ifndef EGAF_CLI_H
#define EGAF_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/outdir.h"
#include "base/arena.h"
#include "model/model.h"
#include "refs/refs.h"
#include "report/report.h"
#include "validator/config.h"
#include "base/diag.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_FAILURE_RUN = 2 };

/* --color=auto|always|never: auto colours a terminal unless NO_COLOR is set. */
typedef enum egaf_color_mode { EGAF_COLOR_AUTO, EGAF_COLOR_ALWAYS, EGAF_COLOR_NEVER } egaf_color_mode;

typedef struct egaf_cli {
    const char *argv0;     /* the executable, as run */
    const char *exe_path;  /* resolved path of the executable, or NULL */
    bool stdout_tty;
    bool vietnamese; /* messages in Vietnamese (else English) */
    bool lang_given; /* chosen by --lang (global or the command's), not the environment */
    char **main_argv; /* main's argv, NULL-terminated: egaf-draw runs with it */
    egaf_color_mode color; /* --color */
    bool verbose;          /* -v/--verbose: what is loaded from where, and timings, on stderr */
} egaf_cli;

typedef int (*egaf_command_fn)(egaf_cli *cli, int argc, char **argv);

typedef struct egaf_command {
    const char *name;
    egaf_command_fn run;
    const char *summary;
} egaf_command;

/* One file per subcommand. */
int cmd_validate(egaf_cli *cli, int argc, char **argv);
int cmd_render(egaf_cli *cli, int argc, char **argv);
int cmd_refs(egaf_cli *cli, int argc, char **argv);
int cmd_rules(egaf_cli *cli, int argc, char **argv);
int cmd_explain(egaf_cli *cli, int argc, char **argv);
int cmd_schema(egaf_cli *cli, int argc, char **argv);
int cmd_init(egaf_cli *cli, int argc, char **argv);
int cmd_consolidate(egaf_cli *cli, int argc, char **argv);
int cmd_export(egaf_cli *cli, int argc, char **argv);
int cmd_import(egaf_cli *cli, int argc, char **argv);
int cmd_diff(egaf_cli *cli, int argc, char **argv);
int cmd_gap(egaf_cli *cli, int argc, char **argv);
int cmd_lsp(egaf_cli *cli, int argc, char **argv);
int cmd_document(egaf_cli *cli, int argc, char **argv);

/* The drawing commands (cli/drawing.c): egaf is linked without Graphviz
 * and runs them by executing egaf-draw, found beside it or in
 * PREFIX/libexec/egaf, with main's argv; returns only when that fails
 * (EXIT_FAILURE_RUN, after saying why). drawing_front turns egaf-draw's
 * own path into the egaf it stands for, where the data is looked for. */
int egaf_cli_run_drawing(egaf_cli *cli, int argc, char **argv);
void egaf_cli_drawing_front(char **exe);

/* The language of messages (cli/main.c): --lang vi|en before the command,
 * a command's own --lang, else LANGUAGE, LC_ALL, LC_MESSAGES or LANG (vi*
 * is Vietnamese), else English. set_language switches the messages and
 * records the choice in cli; parse_language reads "vi" or "en" (-1 else). */
void egaf_cli_set_language(egaf_cli *cli, bool vietnamese);
int egaf_cli_parse_language(const char *value, bool *vietnamese);

/* Prints "egaf: <message>" to stderr; returns -1 (git's error()). */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: message, then "see 'egaf CMD --help'"; returns EXIT_FAILURE_RUN. */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Option parsing, glibc's getopt_long: --name value, --name=value, a unique
 * prefix of a long name, -x value, -xVALUE, bundled flags (-qo FILE), "-" an
 * operand (standard input), "--" ends the options. Operands and options come
 * back in the order given. Every command also takes --color=WHEN and
 * -v/--verbose (common options, set in the egaf_cli bound by
 * egaf_opt_bind), unless its table names them itself. */
typedef struct egaf_option {
    const char *name;  /* long name without dashes */
    char short_name;   /* or 0 */
    bool has_arg;
    /* What egaf_opt_next returns for an option the command checks itself:
     * the command's own name for it, from 1 (0, -1 and -2 say other things),
     * never where the row stands in the table. */
    int id;
    /* An option the command need not check is written with where it goes,
     * and egaf_opt_next handles it without returning: */
    const char **value; /* its value is stored here (it takes a value) */
    bool *flag;         /* set to true */
    /* its value converted by parse (one of the egaf_cli_parse_ functions
     * below, or the command's own) into *to, of the type parse names; a
     * value parse refuses is a usage error it has said, and egaf_opt_next
     * returns -2 */
    int (*parse)(const char *cmd, const char *value, void *to);
    void *to;
    const char *usage;  /* --help: this text (an N_() string) is printed
                         * translated on stdout, and the command stops */
} egaf_option;

enum { EGAF_OPT_MAX = 48 };

typedef struct egaf_opt_state {
    int argc;
    char **argv;
    int index;            /* after the options end ("--"): next operand */
    const char *value;    /* the option's argument */
    const char *operand;  /* when the result is 0: a non-option argument */
    bool only_operands;   /* after "--" */
    bool no_operands;     /* the command takes none: one is a usage error */
    /* When set (room for argc): the operands are stored here, in order,
     * and counted in noperands, instead of being returned */
    char **operands;
    size_t noperands;
    /* When set, the command works on one model: its operand is stored
     * here, and a second one is a usage error ("one model at a time") */
    const char **model;
    int exit_code;        /* when egaf_opt_next returns -2: what the command returns */
    /* getopt_long's tables, built from the command's on the first call */
    const egaf_option *table;
    struct option longopts[EGAF_OPT_MAX + 3];
    char shortopts[2 * EGAF_OPT_MAX + 8];
} egaf_opt_state;

/* --format of the reports of changes (diff, gap): text, markdown (or md),
 * json. 0, or EXIT_FAILURE_RUN after a usage error of the command cmd. */
typedef enum egaf_change_format {
    EGAF_CHANGE_TEXT,
    EGAF_CHANGE_MARKDOWN,
    EGAF_CHANGE_JSON
} egaf_change_format;
/* to: egaf_change_format * */
int egaf_cli_parse_change_format(const char *cmd, const char *value, void *to);

/* Whether s ends with suffix: an output path's extension picks a format. */
bool egaf_cli_ends_with(const char *s, const char *suffix);

/* A value that is none of choices (NULL-terminated) for the option what
 * names ("format", "language"): "unknown WHAT 'VALUE'" with the nearest
 * choice, or with them all, as a usage error of the command cmd.
 * Returns EXIT_FAILURE_RUN. */
int egaf_cli_bad_choice(const char *cmd, const char *what, const char *value,
                        const char *const *choices);

/* --format of the reports of findings (validate, consolidate): 0, or
 * EXIT_FAILURE_RUN after a usage error of the command cmd. */
/* to: egaf_report_format * */
int egaf_cli_parse_report_format(const char *cmd, const char *value, void *to);

/* --year of consolidate and schema: a year from 1990 to 2100. 0, or
 * EXIT_FAILURE_RUN after a usage error of the command cmd. */
/* to: int * */
int egaf_cli_parse_year(const char *cmd, const char *value, void *to);

/* --lang, a command's or the one before the command: vi or en, else
 * "unknown language" with the nearest choice, as a usage error of the
 * command cmd. The choice is at once the language of the run's messages
 * (egaf_cli_set_language on the bound egaf_cli), and is stored in *to
 * unless to is NULL. A command whose output follows --lang, given here or
 * before the command, asks egaf_cli_english after its options. */
/* to: bool * (true: Vietnamese), or NULL */
int egaf_cli_parse_lang(const char *cmd, const char *value, void *to);
/* Whether English was asked for by --lang (before the command or the
 * command's own): else an output is in Vietnamese, whatever the
 * environment says. */
bool egaf_cli_english(const egaf_cli *cli);

/* --disable RULE and --severity RULE=LEVEL of the checking commands
 * (validate, consolidate): recorded in config, in arena's memory, to be
 * applied after the folder's .egaf.yaml (egaf_cli_apply_settings), so
 * that the command line wins. A rule that is not in the catalogue is a
 * usage error of the command cmd. */
typedef struct egaf_cli_rule_settings {
    egaf_arena *arena;
    egaf_config config;
} egaf_cli_rule_settings;
/* to: egaf_cli_rule_settings * */
int egaf_cli_parse_disable(const char *cmd, const char *value, void *to);
int egaf_cli_parse_severity(const char *cmd, const char *value, void *to);

/* The egaf_cli that the common options (--color, --verbose) set. */
void egaf_opt_bind(egaf_cli *cli);
/* Parses a --color value: auto, always or never (-1 else). */
int egaf_cli_parse_color(const char *value, egaf_color_mode *mode);

void egaf_opt_init(egaf_opt_state *st, int argc, char **argv);
/* Returns the id of the matched option in table (never one with a value,
 * flag or usage: those are handled here), 0 for an operand (unless
 * st->operands or st->model stores them)
 * (in st->operand), -1 at the end, -2 when the command stops and returns
 * st->exit_code: EXIT_CLEAN after printing its --help, EXIT_FAILURE_RUN
 * after a usage error (unknown option with a did-you-mean, an ambiguous
 * prefix, a missing argument, a value given to a flag, a bad --color). */
int egaf_opt_next(egaf_opt_state *st, const egaf_option *table, const char *cmd);
/* All the options of a command that checks none itself: every row of
 * table has a value, flag, parse or usage, and the operands are stored
 * (st->operands, st->model) or refused (st->no_operands). true when the
 * command goes on, false when it stops and returns st->exit_code (as
 * egaf_opt_next's -2 says). */
bool egaf_opt_parse(egaf_opt_state *st, const egaf_option *table, const char *cmd);
/* The index in argv of the operand egaf_opt_next has just returned. */
int egaf_opt_operand_index(const egaf_opt_state *st);

/* --base DIR checked before any work: 0, or -1 after saying why it cannot
 * be used (the caller exits 2). NULL (no --base) is fine. */
int egaf_cli_check_base(const char *base);
/* -v/--verbose: "egaf: <message>" on stderr when asked, else nothing. */
void egaf_cli_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A monotonic clock in milliseconds, for the timings -v prints. */
double egaf_cli_now_ms(void);
/* -v: "egaf: time: <phase>: N ms" since *since, which becomes now. */
void egaf_cli_phase(const char *phase, double *since);

/* Model inputs: FILE|DIR... expanded to the model files (a folder gives its
 * *.yaml files, sorted). Returns 0, or -1 after printing why (missing input,
 * a folder with no model). */
int egaf_collect_models(char **inputs, size_t ninputs, char ***files, size_t *nfiles);
/* The same, confined (docs/security.md): a model that is a symbolic link is
 * read only when its target stays inside the folder given (a file given
 * alone: its own folder), or with follow_links; a *.yaml entry of a folder
 * that is not a regular file (FIFO, device, folder, a link to one) is not
 * read. Each refused input is a finding in findings at file:0:0
 * (input.escape, input.not-file); with findings NULL it is an error that
 * stops the command (-1). */
typedef struct egaf_input_options {
    bool follow_links; /* --follow-links */
} egaf_input_options;
int egaf_collect_inputs(char **inputs, size_t ninputs, const egaf_input_options *opt,
                        egaf_diags *findings, char ***files, size_t *nfiles);
void egaf_free_list(char **list, size_t n);

/* Loads the reference models (from --refs, $EGAF_REFS, the installed copy
 * or the source tree). On a broken data folder, prints its findings and
 * returns NULL; the caller exits 2. */
egaf_refs *egaf_cli_load_refs(egaf_cli *cli, const char *option);

/* Loads files[0..n) into models[], several at a time (egaf_cli_jobs), their
 * findings added to diags in file order. Returns 0 with *nmodels == n, or -1
 * after printing why the first file that cannot be read was not (the models
 * before it are in models[0..*nmodels), for the caller to free). */
int egaf_cli_load_models(char **files, size_t n, const egaf_load_options *options,
                         egaf_diags *diags, egaf_model **models, size_t *nmodels);
/* "-" as a model: standard input, read once into memory (at most the
 * format's file size), loaded as EGAF_STDIN_NAME with includes refused.
 * egaf_cli_model_load is egaf_model_load for a path, that for "-". */
#define EGAF_STDIN_NAME "<stdin>"
bool egaf_cli_is_stdin(const char *file);
egaf_model *egaf_cli_model_load(const char *file, const egaf_load_options *options,
                                egaf_diags *diags, egaf_read_status *status);
/* Threads for work items: $EGAF_JOBS when a positive number, else the
 * processors online; at most 8, at most work. */
size_t egaf_cli_jobs(size_t work);

/* The rule settings of a checking run, applied to diags: the .egaf.yaml in
 * the folder of input (the folder itself when input is one), if any, then
 * the command line's (rules), which win; *werror is set when the file asks
 * for it. Returns 0, or -1 after printing the file's problems (or that
 * memory ran out); the caller exits 2. */
int egaf_cli_apply_settings(egaf_cli *cli, const char *input,
                            const egaf_cli_rule_settings *rules, egaf_diags *diags,
                            bool *werror);

/* Writes buf to path atomically (temporary file beside it, then rename), or
 * to standard output when path is NULL or "-". A target that exists and is
 * not a regular file (FIFO, device) is written in place. Returns 0 or -1
 * after printing why. */
int egaf_write_output(const char *path, const egaf_buf *buf);
/* An output path that exists and is not a regular file (a FIFO, a device)
 * is written in place, never replaced; a folder is refused. 1 with *fd
 * open to write in place; 0 when the target is to be written beside and
 * renamed over it (a regular file, or none yet); -1 after saying why not. */
int egaf_output_open_in_place(const char *path, int *fd);
/* The folder of an output path given by the user, opened (base/outdir.h),
 * and the name in it (*leaf points into path). -1 with errno when the
 * folder cannot be opened or the name is not one (EISDIR: path ends in /). */
int egaf_output_parent(const char *path, egaf_outdir *dir, const char **leaf);
/* Writes buf to a new temporary file ".<leaf>.tmpXXXXXX" in dir, synced and
 * with the umask's mode; its name goes to tmp. 0, or -1 with errno (nothing
 * left behind). */
int egaf_write_temp(egaf_outdir *dir, const char *leaf, const egaf_buf *buf, char *tmp,
                    size_t tmpsize);

/* Loads the one model a command works on (render, document), its findings
 * into diags. NULL, after saying why, when the file cannot be read or holds
 * no readable model: its findings printed first, then unreadable (a
 * translated message with one %s, the file). */
egaf_model *egaf_cli_load_one_model(egaf_cli *cli, const char *file, const char *unreadable,
                                    egaf_diags *diags);

/* What render and document work with: the reference models (--refs
 * refs_dir) and the one model in file, its findings in load_diags; diags,
 * empty, for the command's own; out, the output they build.
 * egaf_cli_open_one: 0, or -1 after saying why not (out of memory, broken
 * reference models, the model unreadable as egaf_cli_load_one_model says).
 * egaf_cli_finish_one prints the command's findings (diags), then writes
 * out to output: EXIT_CLEAN, or EXIT_FAILURE_RUN after saying why not.
 * egaf_cli_close_one frees what was made, whatever open returned. */
typedef struct egaf_cli_one {
    egaf_diags *load_diags;
    egaf_diags *diags;
    egaf_refs *refs;
    egaf_model *model;
    egaf_buf out;
} egaf_cli_one;
int egaf_cli_open_one(egaf_cli *cli, const char *refs_dir, const char *file,
                      const char *unreadable, egaf_cli_one *one);
int egaf_cli_finish_one(egaf_cli *cli, egaf_cli_one *one, const char *output);
void egaf_cli_close_one(egaf_cli_one *one);

/* Loads files[0..n) and checks each model against the reference models as
 * soon as it is loaded, on the loading thread, then frees it: egaf
 * validate's road, whose memory is what the threads hold at a time, not
 * every model. The findings are egaf_cli_load_models() and
 * egaf_cli_check_models()'s, in the same order. 0, or -1 after saying why
 * (the first file that cannot be read, or out of memory). */
int egaf_cli_check_files(const egaf_refs *refs, char **files, size_t n,
                         const egaf_load_options *options, egaf_diags *diags);
/* Checks models[0..n) against the reference models (egaf validate's
 * checks), the findings into diags. 0, or -1 after saying that memory ran
 * out (the findings' own out-of-memory is the caller's to ask). */
int egaf_cli_check_models(const egaf_refs *refs, egaf_model **models, size_t n,
                          egaf_diags *diags);

/* The report of a checking run (validate, consolidate): the findings
 * sorted, written as format to output (standard output when NULL), paths
 * relative to base (NULL: the current folder), coloured as --color says
 * (a file only with --color=always). 0, or -1 after saying why not. */
int egaf_cli_write_report(egaf_cli *cli, egaf_diags *diags, egaf_report_format format,
                          const char *output, const char *base, bool quiet, bool werror);
/* The exit status of a checking run: EXIT_FINDINGS when a finding is an
 * error (or a warning, with werror), else EXIT_CLEAN. */
int egaf_cli_findings_status(const egaf_diags *diags, bool werror);

/* Prints the findings of a command's own work (drawing, writing) on
 * stderr as text, sorted, without a summary. */
void egaf_cli_print_findings(egaf_cli *cli, egaf_diags *diags);

/* Markdown text for a table cell or a paragraph: '|' escaped (it would end
 * a cell), a new line as a space. NULL writes nothing. */
void egaf_cli_md_text(egaf_buf *out, const char *s);

/* Whether to colour text output: --color=always, or with --color=auto (the
 * default) a terminal and no NO_COLOR; never with --color=never. */
bool egaf_use_color(const egaf_cli *cli);

#endif
