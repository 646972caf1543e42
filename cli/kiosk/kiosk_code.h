/* kiosk_code.h: a person's result code at the kiosk ("K7Q2-XM4P"), random and hard to guess. */
#ifndef CQ_CLI_KIOSK_CODE_H
#define CQ_CLI_KIOSK_CODE_H

#include <stdbool.h>

/* 8 characters without look-alikes (no 0/O, 1/I/L), in two groups of four. */
#define KIOSK_CODE_ALPHABET "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
#define KIOSK_CODE_LENGTH 8
#define KIOSK_CODE_SIZE (KIOSK_CODE_LENGTH + 2) /* the '-' and the NUL */

/*
 * Writes a new code into code (KIOSK_CODE_SIZE bytes). The randomness comes from getrandom(2),
 * else /dev/urandom; where neither works, from the clocks, the process id and a counter mixed
 * through SplitMix64, so two kiosks, or two runs, still differ (never from an unseeded rand()).
 */
void kiosk_code_make(char *code);

/* Like kiosk_code_make, from the kernel's randomness only: false when there is none (a code
 * that finds a stored result must not be guessable). */
bool kiosk_code_random(char *code);

/* Reads a code as a person may type it (lower case, without the dash) into code
 * (KIOSK_CODE_SIZE bytes) in its usual form. False when text is not a code. */
bool kiosk_code_parse(const char *text, char *code);

#endif /* CQ_CLI_KIOSK_CODE_H */
