/* kiosk_report.h: the kiosk's printable report of one result, kept under the person's code. */
#ifndef CQ_CLI_KIOSK_REPORT_H
#define CQ_CLI_KIOSK_REPORT_H

#include "cli.h"

/*
 * Writes the HTML report of result (the same page as score --format html) to DIR/CODE.html,
 * atomically, creating DIR when needed. Returns an exit code after reporting a failure.
 */
int kiosk_write_report(const struct cli_env *env, const cq_result *result, const char *dir,
                       const char *code);

#endif /* CQ_CLI_KIOSK_REPORT_H */
