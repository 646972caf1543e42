/* commands.c: the command table, usage texts and the help command. */

#include <ctype.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "report.h"

static const struct cli_command commands[] = {
    {"questions", "", "list the questions and their answer options",
     "Lists every question of the bank in order: its id, type, whether it is optional, and\n"
     "its options (single and multi) or its range and labels (scale). The ids are what an\n"
     "answers file uses. With --json, prints the bank as JSON.\n",
     0, 0, true, cmd_questions},
    {"roles", "", "list the roles the quiz compares",
     "Lists every role: its id, title and summary. With --json, prints them as JSON.\n", 0, 0, true,
     cmd_roles},
    {"role", "ID", "show everything about one role",
     "Shows one role's profile: summary, responsibilities, skills, education, tools,\n"
     "industries, outlook with its figures, getting-started tips and sources. With --json,\n"
     "prints the profile as JSON. An unknown ID is a usage error (exit 64).\n",
     1, 1, true, cmd_role},
    {"score", "FILE|-", "rank the roles for an answers file",
     "Reads an answers file (\"-\" reads standard input), scores it against every role and\n"
     "prints the ranking with each role's score, a close-call note when the top roles are\n"
     "within 3 points, and the recommended path with its getting-started tips. With --json,\n"
     "prints the result as JSON. The answers format:\n"
     "\n"
     "  {\"version\": 1, \"answers\": {\"education\": \"masters\",\n"
     "                             \"languages\": [\"python\", \"sql\"],\n"
     "                             \"research-vs-production\": 2}}\n"
     "\n"
     "A single-choice answer is an option id, a multi-choice answer an array of option ids,\n"
     "a scale answer an integer. `careerquiz questions` lists the ids.\n",
     1, 1, true, cmd_score},
    {"help", "[COMMAND]", "show usage for careerquiz or one command", "", 0, 1, false, cmd_help},
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
          "      --format FORMAT  output format: text (the default) or json\n"
          "      --json           the same as --format json\n"
          "      --data DIR       read DIR/questions/*.json and DIR/profiles/*.json instead of\n"
          "                       the bank and profiles built into the program\n"
          "      --no-color       no colour (also when NO_COLOR is set or TERM=dumb)\n"
          "\n"
          "Exit status: 0 ok, 64 usage error, 65 bad data, 66 cannot open input,\n"
          "70 internal error, 74 input/output error. See careerquiz(1).\n",
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
        fputs("\nOptions: --json or --format text|json, --data DIR, --no-color "
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
