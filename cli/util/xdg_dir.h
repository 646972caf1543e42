/* xdg_dir.h: where careerquiz keeps what outlives a run, as the XDG base directory spec says:
 * the results database under XDG_DATA_HOME, saved answers and pending results under
 * XDG_STATE_HOME. */
#ifndef CQ_CLI_XDG_DIR_H
#define CQ_CLI_XDG_DIR_H

/*
 * $VARIABLE/careerquiz/NAME, or $HOME/HOME_DIR/careerquiz/NAME when VARIABLE is unset or
 * relative (the spec ignores a relative one), in a malloc'd string; NAME may be "" (no trailing
 * slash then). NULL when neither variable is usable or memory ran out.
 */
char *xdg_path(const char *variable, const char *home_dir, const char *name);

/* xdg_path("XDG_STATE_HOME", ".local/state", name): saved answers, pending results. */
char *state_dir(const char *name);

#endif /* CQ_CLI_XDG_DIR_H */
