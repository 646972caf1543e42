/* store_pending.h: finished quizzes that could not be stored yet: kept in a file beside the
 * database (or in the state folder), and stored by the next run that can. This is the CLI's
 * side of the store: it speaks no SQL (the backends store the files), and it tells the person
 * on stderr what happened. */
#ifndef CQ_CLI_STORE_PENDING_H
#define CQ_CLI_STORE_PENDING_H

#include "careerquiz.h"
#include "store.h"

/* What became of a finished quiz. */
enum store_outcome {
    STORE_STORED, /* committed to the database */
    STORE_KEPT,   /* not stored, but kept in a pending file */
    STORE_LOST    /* neither: the database and both pending places refused it */
};

/*
 * Stores a finished quiz in s, or, when s is NULL (the database could not be opened, with the
 * exit code open_code; db_path is what was tried, NULL for the default) or storing fails,
 * keeps it in a pending file: in DB.pending/ beside the database, or in
 * $XDG_STATE_HOME/careerquiz/pending/ when that folder cannot be written or the database was
 * refused as not ours (CLI_EXIT_DATA: nothing is put beside another program's file). The file
 * holds the row as it would have been stored (time, event, answers, every score), and stderr
 * says where it is and that the next run that can will store it. *kept (when not NULL)
 * receives the file's name, malloc'd, on STORE_KEPT (else NULL). code (when not NULL,
 * KIOSK_CODE_SIZE bytes) receives the result's code on STORE_STORED and STORE_KEPT: a kept
 * result is stored later under that same code.
 */
enum store_outcome store_or_keep(store *s, int open_code, const char *db_path, const char *event,
                                 const cq_model *model, const cq_answers *answers,
                                 const cq_result *result, char **kept, char *code);

/*
 * Stores every pending result kept for s's database, oldest first, each in its own transaction,
 * and removes its file. A file that cannot be stored is reported and stays for the next run.
 * Says on stderr how many were stored. results_open runs it for every writer.
 */
void store_pending_flush(store *s);

/*
 * Opens the results database for writing as store_open does, reporting a failure on stderr,
 * and then stores what earlier runs kept for it (store_pending_flush). Returns an exit code;
 * *out is set only on success. What take, kiosk, batch and serve open their database with.
 */
int results_open(const char *path, const struct store_wait *wait, store **out);

#endif /* CQ_CLI_STORE_PENDING_H */
