/* cmd_lsp.c - `egaf lsp`: the Language Server Protocol server on standard
 * input and output. This file owns the stream: it reads bytes, frames
 * messages (lsp/rpc.h), hands them to the server (lsp/server.h), writes its
 * answers, and checks changed documents once the editor pauses. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "lsp/server.h"
#include "base/outdir.h"

static const char *const usage =
    N_("usage: egaf lsp [options]\n"
       "\n"
       "Runs a Language Server Protocol server on standard input and output: the\n"
       "editor shows egaf's findings while the model is typed, offers quick fixes,\n"
       "completion of keys, values and national ids of the model's year, hover and\n"
       "go-to-definition. Editors start it themselves (docs/en/editors.md).\n"
       "\n"
       "options:\n"
       "  --refs DIR   reference models folder (default: $EGAF_REFS, installed, source tree)\n"
       "  --lang L     messages in vi or en (default: the editor's language)\n"
       "  -h, --help   this help\n");

/* How long the editor must pause before changed documents are checked. */
#define DEBOUNCE_MS 150

typedef struct lsp_io {
    egaf_cli *cli;
    bool lang_fixed; /* --lang given: the client's locale does not change it */
} lsp_io;

static int send_framed(void *ctx, const char *json, size_t len)
{
    (void)ctx;
    char header[64];
    int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
    return egaf_write_all(STDOUT_FILENO, header, (size_t)h) == 0 &&
                   egaf_write_all(STDOUT_FILENO, json, len) == 0
               ? 0
               : -1;
}

static void set_locale(void *ctx, const char *locale)
{
    lsp_io *io = ctx;
    if (!io->lang_fixed)
        egaf_cli_set_language(io->cli, strncmp(locale, "vi", 2) == 0);
}

/* Reads the editor's messages until `exit`, the end of input, or a failed
 * write; checks changed documents once no input came for DEBOUNCE_MS. */
static int serve(egaf_lsp *server)
{
    static char chunk[1 << 16];
    int code = 1;
    while (!egaf_lsp_exited(server, &code) && !egaf_lsp_broken(server)) {
        struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
        int ready = poll(&pfd, 1, egaf_lsp_pending(server) ? DEBOUNCE_MS : -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            egaf_lsp_flush(server);
            continue;
        }
        ssize_t r = read(STDIN_FILENO, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break; /* the editor is gone without `exit` */
        egaf_lsp_feed(server, chunk, (size_t)r);
    }
    return code;
}

int cmd_lsp(egaf_cli *cli, int argc, char **argv)
{
    egaf_opt_state st;
    egaf_opt_init(&st, argc, argv);
    st.no_operands = true;
    const char *refs_dir = NULL;
    lsp_io io = {cli, false};
    enum { O_LANG = 1 }; /* the option the loop checks */
    const egaf_option options[] = {{"refs", .value = &refs_dir},
                                   {"lang", .has_arg = true, .id = O_LANG},
                                   {"help", 'h', .usage = usage},
                                   {.name = NULL}};
    for (int opt; (opt = egaf_opt_next(&st, options, "lsp")) != -1;) {
        switch (opt) {
        case -2:
            return st.exit_code;
        case O_LANG:
            if (egaf_cli_parse_lang("lsp", st.value, NULL) != 0)
                return EXIT_FAILURE_RUN;
            io.lang_fixed = true;
            break;
        }
    }
    egaf_refs *refs = egaf_cli_load_refs(cli, refs_dir);
    if (!refs)
        return EXIT_FAILURE_RUN;
    /* a client that goes away must not kill the server mid-write */
    signal(SIGPIPE, SIG_IGN);
    egaf_lsp_callbacks cb = {send_framed, set_locale, &io};
    egaf_lsp *server = egaf_lsp_create(refs, &cb);
    int rc = EXIT_FAILURE_RUN;
    if (server) {
        rc = serve(server);
        egaf_lsp_free(server);
    } else {
        error(_("out of memory"));
    }
    egaf_refs_free(refs);
    return rc;
}
