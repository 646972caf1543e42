/* commands.c: the command table, usage texts and the help command. */

#include <ctype.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "diagnostics.h"

static const struct cli_command commands[] = {
    {"questions", "", "list the questions and their answer options",
     "Lists every question of the bank in order: its id, type, whether it is optional, and\n"
     "its options (single and multi) or its range and labels (scale). The ids are what an\n"
     "answers file uses. With --json, prints the bank as JSON.\n",
     0, 0, true, cmd_questions, CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT)},
    {"roles", "", "list the roles the quiz compares",
     "Lists every role: its id, title and summary. With --json, prints them as JSON.\n", 0, 0, true,
     cmd_roles, CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT)},
    {"role", "ID", "show everything about one role",
     "Shows one role's profile: summary, responsibilities, skills, education, tools,\n"
     "industries, outlook with its figures, getting-started tips and sources. With --json,\n"
     "prints the profile as JSON. An unknown ID is a usage error (exit 64).\n",
     1, 1, true, cmd_role, CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT)},
    {"score", "FILE|-", "rank the roles for an answers file",
     "Reads an answers file (\"-\" reads standard input), scores it against every role and\n"
     "prints the ranking with each role's score, a close-call note when the top roles are\n"
     "within 3 points, warnings about answers that look careless, and the recommended path:\n"
     "the answers that raised and lowered its score most, any education gap, its tips\n"
     "ordered by the gaps they close, the single answers that would change the result, and\n"
     "the top two roles side by side. With --json, prints the result as JSON;\n"
     "--format markdown or html prints a report (HTML: one printable page with a chart).\n"
     "\n"
     "  --explain ID        also show how role ID's score adds up, answer by answer\n"
     "  --plain             for screen readers: the results without bars or colour\n"
     "  --education-filter  set apart the roles that usually expect more education than\n"
     "                      you reported, and recommend the best of the rest\n"
     "  --output FILE       write the result to FILE (replaced whole, only on success)\n"
     "\n"
     "The answers format:\n"
     "\n"
     "  {\"version\": 1, \"answers\": {\"education\": \"masters\",\n"
     "                             \"languages\": [\"python\", \"sql\"],\n"
     "                             \"research-vs-production\": 2}}\n"
     "\n"
     "A single-choice answer is an option id, a multi-choice answer an array of option ids,\n"
     "a scale answer an integer. `careerquiz questions` lists the ids.\n",
     1, 1, true, cmd_score,
     CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT) | CLI_TAKES(EXPLAIN) | CLI_TAKES(EDUCATION_FILTER) |
         CLI_TAKES(PLAIN)},
    {"take", "", "take the quiz in the terminal",
     "Asks the questions one at a time and ends with the same results as score. Answer with\n"
     "a number, the start of an option's text, a list such as 1,3, 1 3 or python sql for\n"
     "pick-all-that-apply questions, or a number on a scale. Commands at any question: back\n"
     "(b), skip (s, for optional questions), help (?), quit (q). Running careerquiz with no\n"
     "command at a terminal does the same.\n"
     "\n"
     "  --save FILE    keep the answers in FILE (after every answer, atomically); score it\n"
     "                 later with careerquiz score FILE\n"
     "  --resume FILE  continue from the answers in FILE, at the first unanswered question\n"
     "  --plain        for screen readers: no bars, colour or screen clearing, and every\n"
     "                 line makes sense on its own\n"
     "  --db FILE      also store the result in the results database FILE\n"
     "  --event NAME   the event label stored with it\n"
     "\n"
     "The results take what score takes: --explain ID, --education-filter, --format (json,\n"
     "markdown, html) or --json, and --output FILE. The questions stay on the terminal; the\n"
     "results go to standard output or FILE.\n"
     "\n"
     "Exit status 75 means the quiz stopped before the end (quit or end of input); the\n"
     "answers given so far were saved and the message says how to resume.\n",
     0, 0, true, cmd_take,
     CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT) | CLI_TAKES(EXPLAIN) | CLI_TAKES(EDUCATION_FILTER) |
         CLI_TAKES(PLAIN) | CLI_TAKES(SAVE) | CLI_TAKES(RESUME) | CLI_TAKES(DB) | CLI_TAKES(EVENT)},
    {"compare", "ROLE ROLE", "compare two roles side by side",
     "Shows two roles dimension by dimension (responsibilities, skills, education, tools,\n"
     "industries, outlook and tips): each role's items and what the two have in common.\n"
     "In common means a name both profiles give their items (\"Python\", \"healthcare\"), a\n"
     "figure both outlooks quote that measures the same thing, or advice both roles get.\n"
     "With --json, prints {\"roles\", \"titles\", \"rows\"}; --format markdown or html\n"
     "prints a report with a table. Unknown or equal roles are a usage error (exit 64).\n",
     2, 2, true, cmd_compare, CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT)},
    {"batch", "FILE|-", "score many answer sets, one JSON object per line",
     "Reads JSON Lines (\"-\" reads standard input): one answers document per line, as score\n"
     "takes it. Writes one compact result per line, in input order: {\"line\", \"bank_version\",\n"
     "\"recommendation\", \"ranking\", \"margin\", \"close_call\", \"close_to_top\"}, where\n"
     "\"line\" is the input line it came from. It streams: memory stays the same however long\n"
     "the input is. Blank lines are skipped. A bad line (malformed JSON, an unknown question\n"
     "or option, more than 1 MiB, nothing scorable) is reported on stderr with its number\n"
     "(\"careerquiz: line 37: ...\"), the other lines are still scored, and the exit status is\n"
     "65. Required questions may be missing, as in score, without a warning.\n"
     "\n"
     "  --db FILE      also store every result in the results database FILE (created when\n"
     "                 needed), committed every 1000 results, when the input waits, at the\n"
     "                 end and on Ctrl-C; a line is printed once its result is stored\n"
     "  --event NAME   the event label stored with each result\n"
     "  --education-filter  score as score --education-filter does\n",
     1, 1, true, cmd_batch,
     CLI_TAKES(OUTPUT) | CLI_TAKES(EDUCATION_FILTER) | CLI_TAKES(DB) | CLI_TAKES(EVENT)},
    {"stats", "", "summarise the stored results of one or more databases",
     "Reads the results databases given with --db (several are merged, one per kiosk; without\n"
     "--db, the default database) and shows how many results there are, how often each role\n"
     "was recommended, how people answered each question, and how many results were close\n"
     "calls. Text draws bar charts; --json prints {\"total\", \"roles\", \"questions\",\n"
     "\"close_calls\"}; --format csv one table of counts; --format html a self-contained page\n"
     "with SVG charts.\n"
     "\n"
     "  --db FILE      a results database; give it again for more\n"
     "  --event NAME   only results stored with this event label\n"
     "  --since DATE   only results from DATE on (UTC, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)\n",
     0, 0, true, cmd_stats,
     CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT) | CLI_TAKES(DB) | CLI_TAKES(EVENT) | CLI_TAKES(SINCE)},
    {"export", "", "write every stored result, as CSV or JSON Lines",
     "Writes one row per stored result of the results database (--db FILE, or the default\n"
     "one), oldest first: CSV with a header row (the default, quoted as RFC 4180 says), or\n"
     "--format jsonl. The columns: id, taken_at (UTC), event, bank_version, bank_digest,\n"
     "recommended, margin, close_call, answers (the answers document as JSON) and one score\n"
     "column per role. --event and --since select rows as for stats.\n",
     0, 0, false, cmd_export,
     CLI_TAKES_FORMATS | CLI_TAKES(OUTPUT) | CLI_TAKES(DB) | CLI_TAKES(EVENT) | CLI_TAKES(SINCE)},
    {"kiosk", "", "run the quiz for one person after another at a booth",
     "Runs the quiz in a loop for workshops and career fairs: a welcome screen, the quiz, the\n"
     "results with a short code, then a wiped screen for the next person. Every completed\n"
     "result is stored in the results database before it is shown (one that cannot be is\n"
     "kept in a pending file and stored later); an unfinished quiz is dropped. Ctrl-C,\n"
     "Ctrl-D and quit return to the welcome screen; Ctrl-Z, Ctrl-\\ and Ctrl-S do nothing;\n"
     "only the exit word, typed at the welcome screen, or SIGTERM ends the kiosk.\n"
     "\n"
     "  --exit-word WORD   the word that ends the kiosk (required)\n"
     "  --db FILE          the results database (default\n"
     "                     $XDG_DATA_HOME/careerquiz/results.db)\n"
     "  --event NAME       a label stored with each result, such as the fair's name\n"
     "  --idle SECONDS     back to the welcome screen after this long without input\n"
     "                     (default 120)\n"
     "  --report-dir DIR   write each result's HTML report to DIR/CODE.html\n"
     "  --public-url URL   where `careerquiz serve --db` (on the same database) is reached,\n"
     "                     such as http://192.168.1.20:8080: the results screen shows a QR\n"
     "                     code of URL/r/CODE, to take the result home on a phone\n",
     0, 0, true, cmd_kiosk,
     CLI_TAKES(EXIT_WORD) | CLI_TAKES(DB) | CLI_TAKES(EVENT) | CLI_TAKES(IDLE) |
         CLI_TAKES(REPORT_DIR) | CLI_TAKES(PLAIN) | CLI_TAKES(PUBLIC_URL)},
    {"serve", "", "run the quiz as a web site for phones and browsers",
     "Serves the quiz over HTTP for a workshop or a fair: people open the address on their\n"
     "phones and take the quiz in the browser, one question per page, with or without\n"
     "JavaScript. It also serves the JSON API of docs/api.md: GET /api/questions and\n"
     "POST /api/score (an answers document in, the JSON of score --json out). With --db,\n"
     "each finished quiz is stored (labelled with --event) under a code, and /r/CODE shows\n"
     "it again to take home; POST /api/results and GET /api/results/CODE do the same for\n"
     "scripts. Without --db nothing is stored. Every page\n"
     "and file comes from the program itself; nothing is loaded from elsewhere. SIGTERM or\n"
     "Ctrl-C stops it after the requests in flight are answered.\n"
     "\n"
     "  --port N           the port to listen on (default 8080; 0: any free port)\n"
     "  --bind ADDRESS     the address to listen on (default 127.0.0.1, this machine only;\n"
     "                     0.0.0.0 for every network the machine is on)\n"
     "  --public-url URL   the address people reach the server at, such as\n"
     "                     http://192.168.1.20:8080\n"
     "  --db FILE          store finished quizzes in this results database\n"
     "  --event NAME       the label stored with each result\n"
     "  --facilitator-key-file FILE\n"
     "                     the key of the facilitator screen (/facilitator) is this file's\n"
     "                     first line; without it a key is made and printed at the start\n"
     "  --facilitator-key KEY\n"
     "                     the key itself (12 to 256 printable characters); other users of\n"
     "                     the machine may see it while serve starts, so a file is safer\n"
     "  --rate-limit N     requests a second one client address may send after a burst of\n"
     "                     200 (default 50; 0: no limit); more get 429\n",
     0, 0, true, cmd_serve,
     CLI_TAKES(PORT) | CLI_TAKES(BIND) | CLI_TAKES(PUBLIC_URL) | CLI_TAKES(RATE_LIMIT) |
         CLI_TAKES(DB) | CLI_TAKES(EVENT) | CLI_TAKES(FACILITATOR_KEY_FILE) |
         CLI_TAKES(FACILITATOR_KEY)},
    {"help", "[COMMAND]", "show usage for careerquiz or one command", "", 0, 1, false, cmd_help, 0},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

const struct cli_command *cli_find_command(const char *name)
{
    size_t i;

    for (i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

void cli_usage(FILE *out)
{
    size_t i;
    char synopsis[64];

    fputs("usage: careerquiz [OPTIONS] COMMAND [ARGS]\n"
          "\n"
          "Finds the machine-learning career path that fits your answers best.\n"
          "\n"
          "Commands:\n",
          out);
    for (i = 0; i < COMMAND_COUNT; i++) {
        snprintf(synopsis, sizeof synopsis, "%s%s%s", commands[i].name,
                 commands[i].args[0] ? " " : "", commands[i].args);
        fprintf(out, "  %-18s %s\n", synopsis, commands[i].summary);
    }
    fputs("\n"
          "Options (before or after the command):\n"
          "  -h, --help           show usage (of the command, when one is given)\n"
          "  -V, --version        show the program and question bank versions\n"
          "      --format FORMAT  output format: text (the default), json, or for score and\n"
          "                       compare a markdown or html report; stats: html or csv;\n"
          "                       export: csv (its default) or jsonl\n"
          "      --json           the same as --format json\n"
          "      --data DIR       read DIR/questions/*.json and DIR/profiles/*.json instead of\n"
          "                       the bank and profiles built into the program\n"
          "      --no-color       no colour (also when NO_COLOR is set or TERM=dumb)\n"
          "      --save FILE      take: keep the answers in FILE\n"
          "      --resume FILE    take: continue from the answers in FILE\n"
          "      --plain          take, score, kiosk: plain text for screen readers\n"
          "      --explain ID     score, take: also show how role ID's score adds up\n"
          "      --education-filter\n"
          "                       score, take, batch: set apart roles above your reported\n"
          "                       education\n"
          "      --output FILE    write the output to FILE instead of standard output\n"
          "      --db FILE        take, batch, serve: also store results in the results database\n"
          "                       FILE (only when given); kiosk: store them there; stats, export:\n"
          "                       read it (repeat to merge several). Default for kiosk, stats\n"
          "                       and export: $XDG_DATA_HOME/careerquiz/results.db\n"
          "      --event NAME     take, batch, serve: label stored results; stats, export: select\n"
          "                       them\n"
          "      --since DATE     stats, export: only results from DATE (UTC) on\n"
          "      --public-url URL serve, kiosk: the address phones reach serve at\n"
          "      --port N, --bind ADDRESS, --rate-limit N,\n"
          "      --facilitator-key-file FILE, --facilitator-key KEY\n"
          "                       serve: where and how the web server listens\n"
          "Each command takes only the options listed for it (careerquiz help COMMAND); any\n"
          "other is a usage error.\n"
          "\n"
          "Exit status: 0 ok, 64 usage error, 65 bad data, 66 cannot open input,\n"
          "70 internal error, 73 cannot create output, 74 input/output error,\n"
          "75 quiz stopped before the end (answers saved). See careerquiz(1).\n",
          out);
}

void cli_command_usage(FILE *out, const struct cli_command *command)
{
    fprintf(out, "usage: careerquiz %s%s%s\n", command->name, command->args[0] ? " " : "",
            command->args);
    /* The one-line summary, as a sentence. */
    fprintf(out, "\n%c%s.\n%s", toupper((unsigned char)command->summary[0]), command->summary + 1,
            command->details[0] ? "\n" : "");
    fputs(command->details, out);
    if (command->run != cmd_help)
        fputs("\nOptions: --json or --format FORMAT, --output FILE, --data DIR, --no-color\n"
              "(see careerquiz --help).\n",
              out);
}

/* help [COMMAND]: usage on stdout. An unknown command is a usage error. */
int cmd_help(struct cli_env *env, int argc, char **argv)
{
    const struct cli_command *command;

    (void)env;
    if (argc == 0) {
        cli_usage(stdout);
        return CLI_EXIT_OK;
    }
    command = cli_find_command(argv[0]);
    if (!command) {
        cli_error("unknown command \"%s\" (run careerquiz help for the list)", argv[0]);
        return CLI_EXIT_USAGE;
    }
    cli_command_usage(stdout, command);
    return CLI_EXIT_OK;
}
