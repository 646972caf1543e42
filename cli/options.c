/* options.c: the command line's options, read with getopt_long and checked against what the
 * command takes. */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diagnostics.h"
#include "exitcode.h"
#include "options.h"
/* getopt_long's value for each long option: 256 past its enum cli_option. */
enum {
    OPT_FORMAT = 256 + CLI_OPT_FORMAT,
    OPT_JSON = 256 + CLI_OPT_JSON,
    OPT_DATA = 256 + CLI_OPT_DATA,
    OPT_NO_COLOR = 256 + CLI_OPT_NO_COLOR,
    OPT_SAVE = 256 + CLI_OPT_SAVE,
    OPT_RESUME = 256 + CLI_OPT_RESUME,
    OPT_PLAIN = 256 + CLI_OPT_PLAIN,
    OPT_EXPLAIN = 256 + CLI_OPT_EXPLAIN,
    OPT_EDUCATION_FILTER = 256 + CLI_OPT_EDUCATION_FILTER,
    OPT_OUTPUT = 256 + CLI_OPT_OUTPUT,
    OPT_IDLE = 256 + CLI_OPT_IDLE,
    OPT_EXIT_WORD = 256 + CLI_OPT_EXIT_WORD,
    OPT_REPORT_DIR = 256 + CLI_OPT_REPORT_DIR,
    OPT_DB = 256 + CLI_OPT_DB,
    OPT_EVENT = 256 + CLI_OPT_EVENT,
    OPT_SINCE = 256 + CLI_OPT_SINCE,
    OPT_PORT = 256 + CLI_OPT_PORT,
    OPT_BIND = 256 + CLI_OPT_BIND,
    OPT_PUBLIC_URL = 256 + CLI_OPT_PUBLIC_URL,
    OPT_RATE_LIMIT = 256 + CLI_OPT_RATE_LIMIT,
    OPT_FACILITATOR_KEY_FILE = 256 + CLI_OPT_FACILITATOR_KEY_FILE,
    OPT_FACILITATOR_KEY = 256 + CLI_OPT_FACILITATOR_KEY,
};

/* An event label is a short name for a workshop or fair, such as "pydata-berlin-2026". */
#define MAX_EVENT_BYTES 128

static const struct option long_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"json", no_argument, NULL, OPT_JSON},
    {"data", required_argument, NULL, OPT_DATA},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"save", required_argument, NULL, OPT_SAVE},
    {"resume", required_argument, NULL, OPT_RESUME},
    {"plain", no_argument, NULL, OPT_PLAIN},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"education-filter", no_argument, NULL, OPT_EDUCATION_FILTER},
    {"output", required_argument, NULL, OPT_OUTPUT},
    {"idle", required_argument, NULL, OPT_IDLE},
    {"exit-word", required_argument, NULL, OPT_EXIT_WORD},
    {"report-dir", required_argument, NULL, OPT_REPORT_DIR},
    {"db", required_argument, NULL, OPT_DB},
    {"event", required_argument, NULL, OPT_EVENT},
    {"since", required_argument, NULL, OPT_SINCE},
    {"port", required_argument, NULL, OPT_PORT},
    {"bind", required_argument, NULL, OPT_BIND},
    {"public-url", required_argument, NULL, OPT_PUBLIC_URL},
    {"rate-limit", required_argument, NULL, OPT_RATE_LIMIT},
    {"facilitator-key-file", required_argument, NULL, OPT_FACILITATOR_KEY_FILE},
    {"facilitator-key", required_argument, NULL, OPT_FACILITATOR_KEY},
    {NULL, 0, NULL, 0},
};

/*
 * Reports an option getopt_long rejected (opt is '?' or ':'). `arg` is the command-line word
 * it came from; for a short option only optopt is reliable, since it may sit in a cluster.
 */
static void report_bad_option(int opt, const char *arg)
{
    bool is_long = strncmp(arg, "--", 2) == 0;
    int len = (int)strcspn(arg, "=");

    if (opt == ':' && is_long)
        cli_error("option %.*s needs a value", len, arg);
    else if (opt == ':')
        cli_error("option -%c needs a value", optopt);
    else if (is_long && optopt != 0) /* a known option given "=value" it does not take */
        cli_error("option %.*s takes no value", len, arg);
    else if (is_long)
        cli_error("unknown option \"%.*s\"", len, arg);
    else
        cli_error("unknown option \"-%c\"", optopt);
    fputs("run careerquiz --help for usage\n", stderr);
}

/* A day: a kiosk left idle longer than that is not waiting for anyone. */
#define MAX_IDLE_SECONDS 86400

/* Reads a whole number of seconds in 1..MAX_IDLE_SECONDS. */
static bool parse_seconds(const char *text, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < 1 || v > MAX_IDLE_SECONDS)
        return false;
    *out = (int)v;
    return true;
}

/* Reads a whole number in min..max. */
static bool parse_int(const char *text, long min, long max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

/* Requests a second one client may send to serve: far more than a person taps. */
#define MAX_RATE_LIMIT 1000000

/* A --public-url is where phones reach the server: http(s)://host[:port][/path], without a
 * trailing slash (codes are appended as /r/CODE). serve and the kiosk both take it. */
static bool valid_public_url(const char *url)
{
    size_t len = strlen(url);
    bool scheme = strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0;

    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
            return false;
    return scheme && len > 8 && len < 512 && url[len - 1] != '/';
}

/* An --event label: 1 to MAX_EVENT_BYTES bytes on one line (no control characters). */
static bool valid_event(const char *event)
{
    size_t len = strlen(event);

    for (const char *p = event; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
    return len > 0 && len <= MAX_EVENT_BYTES;
}

/* A --since value: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC), as results are stored, so that
 * comparing the text compares the times. */
static bool valid_since(const char *since)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    size_t len = strlen(since), i;

    if (len != 10 && len != sizeof shape - 1)
        return false;
    for (i = 0; i < len; i++)
        if (shape[i] == 'd' ? since[i] < '0' || since[i] > '9' : since[i] != shape[i])
            return false;
    return strncmp(since + 5, "01", 2) >= 0 && strncmp(since + 5, "12", 2) <= 0 &&
           strncmp(since + 8, "01", 2) >= 0 && strncmp(since + 8, "31", 2) <= 0;
}

/*
 * Parses the options, which may come before or after the command (getopt_long permutes
 * argv; "--" ends them). Sets *help and *version for -h and -V, and notes in *given which
 * options came, for the command to check. Returns 0, or an exit code after reporting the
 * problem.
 */
int cli_parse_options(int argc, char **argv, struct cli_options *options, bool *help, bool *version,
                      struct given_options *given)
{
    int opt, index = 0;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":hV", long_options, &index)) != -1) {
        if (opt >= OPT_FORMAT && opt < OPT_FORMAT + CLI_OPT_COUNT) {
            given->bits |= 1u << (opt - OPT_FORMAT);
            given->names[opt - OPT_FORMAT] = long_options[index].name;
        }
        switch (opt) {
        case 'h':
            *help = true;
            break;
        case 'V':
            *version = true;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0) {
                options->format = CLI_FORMAT_TEXT;
            } else if (strcmp(optarg, "json") == 0) {
                options->format = CLI_FORMAT_JSON;
            } else if (strcmp(optarg, "markdown") == 0) {
                options->format = CLI_FORMAT_MARKDOWN;
            } else if (strcmp(optarg, "html") == 0) {
                options->format = CLI_FORMAT_HTML;
            } else if (strcmp(optarg, "csv") == 0) {
                options->format = CLI_FORMAT_TEXT;
                options->table = CLI_TABLE_CSV;
                break;
            } else if (strcmp(optarg, "jsonl") == 0) {
                options->format = CLI_FORMAT_TEXT;
                options->table = CLI_TABLE_JSONL;
                break;
            } else {
                cli_error("unknown format \"%s\" (use text, json, markdown, html, csv or jsonl)",
                          optarg);
                return CLI_EXIT_USAGE;
            }
            options->table = CLI_TABLE_NONE;
            break;
        case OPT_JSON:
            options->format = CLI_FORMAT_JSON;
            options->table = CLI_TABLE_NONE;
            break;
        case OPT_DATA:
            options->data_dir = optarg;
            break;
        case OPT_NO_COLOR:
            options->no_color = true;
            break;
        case OPT_SAVE:
            options->save = optarg;
            break;
        case OPT_RESUME:
            options->resume = optarg;
            break;
        case OPT_PLAIN:
            options->plain = true;
            break;
        case OPT_EXPLAIN:
            options->explain = optarg;
            break;
        case OPT_EDUCATION_FILTER:
            options->education_filter = true;
            break;
        case OPT_IDLE:
            if (!parse_seconds(optarg, &options->idle)) {
                cli_error("--idle takes a whole number of seconds from 1 to %d, not \"%s\"",
                          MAX_IDLE_SECONDS, optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_EXIT_WORD:
            options->exit_word = optarg;
            break;
        case OPT_REPORT_DIR:
            options->report_dir = optarg;
            break;
        case OPT_OUTPUT:
            options->output = optarg;
            break;
        case OPT_DB:
            /* "" would be a private temporary database to SQLite: nothing would be kept. */
            if (optarg[0] == '\0') {
                cli_error("--db needs a file name");
                return CLI_EXIT_USAGE;
            }
            if (options->db_count == CLI_MAX_DBS) {
                cli_error("too many --db options (at most %d)", CLI_MAX_DBS);
                return CLI_EXIT_USAGE;
            }
            options->dbs[options->db_count++] = optarg;
            options->db = options->dbs[0];
            break;
        case OPT_EVENT:
            if (!valid_event(optarg)) {
                cli_error("--event takes a label of 1 to %d bytes on one line, not \"%s\"",
                          MAX_EVENT_BYTES, optarg);
                return CLI_EXIT_USAGE;
            }
            options->event = optarg;
            break;
        case OPT_SINCE:
            if (!valid_since(optarg)) {
                cli_error(
                    "--since takes a UTC date, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not \"%s\"",
                    optarg);
                return CLI_EXIT_USAGE;
            }
            options->since = optarg;
            break;
        case OPT_PORT:
            if (!parse_int(optarg, 0, 65535, &options->port)) {
                cli_error("--port takes a port number from 0 to 65535 (0: any free port), "
                          "not \"%s\"",
                          optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_BIND:
            options->bind = optarg;
            break;
        case OPT_PUBLIC_URL:
            if (!valid_public_url(optarg)) {
                cli_error("--public-url takes an address such as http://192.168.1.20:8080, "
                          "without a trailing slash, not \"%s\"",
                          optarg);
                return CLI_EXIT_USAGE;
            }
            options->public_url = optarg;
            break;
        case OPT_RATE_LIMIT:
            if (!parse_int(optarg, 0, MAX_RATE_LIMIT, &options->rate_limit)) {
                cli_error("--rate-limit takes requests a second per client, from 0 (no limit) "
                          "to %d, not \"%s\"",
                          MAX_RATE_LIMIT, optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_FACILITATOR_KEY_FILE:
            options->facilitator_key_file = optarg;
            break;
        case OPT_FACILITATOR_KEY:
            options->facilitator_key = optarg;
            break;
        default: /* '?' or ':' */
            report_bad_option(opt, argv[optind - 1]);
            return CLI_EXIT_USAGE;
        }
    }
    return 0;
}

/* Markdown and HTML are report formats: only the commands that write reports take them, and
 * stats, whose HTML is a page of charts. CSV is for stats and export, JSON Lines for export. */
static bool takes_format(const struct cli_command *command, const struct cli_options *options)
{
    bool report = strcmp(command->name, "score") == 0 || strcmp(command->name, "compare") == 0 ||
                  strcmp(command->name, "take") == 0;
    bool stats = strcmp(command->name, "stats") == 0;
    bool export = strcmp(command->name, "export") == 0;

    if (options->table == CLI_TABLE_CSV)
        return stats || export;
    if (options->table == CLI_TABLE_JSONL)
        return export;
    if (options->format == CLI_FORMAT_MARKDOWN)
        return report;
    if (options->format == CLI_FORMAT_HTML)
        return report || stats;
    return true;
}

/* Refuses an option the command does not take (the first one, in enum order). */
static bool takes_options(const struct cli_command *command, const struct given_options *given)
{
    unsigned stray = given->bits & ~(command->takes | CLI_TAKES_ALWAYS);

    for (int o = 0; o < CLI_OPT_COUNT; o++) {
        if (stray & (1u << o)) {
            cli_error("%s does not take --%s", command->name, given->names[o]);
            fprintf(stderr, "run careerquiz help %s for the options it takes\n", command->name);
            return false;
        }
    }
    return true;
}

int cli_check_options(const struct cli_command *command, const struct given_options *given,
                      const struct cli_options *options)
{
    if (!takes_options(command, given))
        return CLI_EXIT_USAGE;
    if ((options->format == CLI_FORMAT_MARKDOWN || options->format == CLI_FORMAT_HTML) &&
        !takes_format(command, options)) {
        cli_error("%s has no %s report (use text or json; score, take and compare write reports)",
                  command->name, options->format == CLI_FORMAT_HTML ? "html" : "markdown");
        return CLI_EXIT_USAGE;
    }
    if (!takes_format(command, options)) {
        cli_error("%s has no %s output (stats and export write csv, export writes jsonl)",
                  command->name, options->table == CLI_TABLE_CSV ? "csv" : "jsonl");
        return CLI_EXIT_USAGE;
    }
    /* One database per kiosk: only stats and export read several at once. */
    if (options->db_count > 1 && strcmp(command->name, "stats") != 0 &&
        strcmp(command->name, "export") != 0) {
        cli_error("%s takes one --db (only stats and export merge several)", command->name);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}
