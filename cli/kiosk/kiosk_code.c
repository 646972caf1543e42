/* kiosk_code.c: a person's result code at the kiosk, random and hard to guess. */
#include "kiosk_code.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* Fills buf from the kernel. Returns false when neither getrandom nor /dev/urandom gave it. */
static bool kernel_random(unsigned char *buf, size_t size)
{
    size_t got = 0;

    while (got < size) {
        ssize_t n = getrandom(buf + got, size - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (got == size)
        return true;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    for (got = 0; got < size;) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    return got == size;
}

/* SplitMix64: one well-mixed 64-bit value per step from a simple counter state. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* The last resort: bytes from the time (to the nanosecond, twice), the process id and a
 * counter of the codes made so far. Guessable by someone who knows the moment, but never the
 * same sequence in every run as an unseeded rand() is. */
static void clock_random(unsigned char *buf, size_t size)
{
    static uint64_t made;
    struct timespec real, mono;
    uint64_t state;

    clock_gettime(CLOCK_REALTIME, &real);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    state = (uint64_t)real.tv_sec * 1000000007u ^ (uint64_t)real.tv_nsec ^
            ((uint64_t)mono.tv_nsec << 32) ^ ((uint64_t)getpid() << 16) ^ ++made;
    for (size_t i = 0; i < size; i++)
        buf[i] = (unsigned char)(splitmix64(&state) >> 56);
}

/* Writes a code drawn from fill's bytes. Returns false when fill fails. */
static bool code_from(char *code, bool (*fill)(unsigned char *, size_t))
{
    static const char alphabet[] = KIOSK_CODE_ALPHABET;
    const unsigned n = sizeof alphabet - 1;
    /* Bytes at or above the largest multiple of n would favour the first letters: they are
     * drawn again, from a pool of spare bytes. */
    const unsigned limit = 256 / n * n;
    unsigned char pool[64];
    size_t used = sizeof pool, j = 0;

    for (int i = 0; i < KIOSK_CODE_LENGTH; i++) {
        unsigned byte;
        do {
            if (used == sizeof pool) {
                if (!fill(pool, sizeof pool))
                    return false;
                used = 0;
            }
            byte = pool[used++];
        } while (byte >= limit);
        if (i == KIOSK_CODE_LENGTH / 2)
            code[j++] = '-';
        code[j++] = alphabet[byte % n];
    }
    code[j] = '\0';
    memset(pool, 0, sizeof pool);
    return true;
}

static bool clock_fill(unsigned char *buf, size_t size)
{
    clock_random(buf, size);
    return true;
}

bool kiosk_code_random(char *code)
{
    return code_from(code, kernel_random);
}

void kiosk_code_make(char *code)
{
    if (!kiosk_code_random(code))
        code_from(code, clock_fill);
}

bool kiosk_code_parse(const char *text, char *code)
{
    size_t letters = 0, j = 0;

    for (const char *p = text; *p; p++) {
        char c = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        if (c == '-' && p - text == KIOSK_CODE_LENGTH / 2)
            continue; /* the dash between the groups may be left out */
        if (letters == KIOSK_CODE_LENGTH || !strchr(KIOSK_CODE_ALPHABET, c))
            return false;
        if (letters == KIOSK_CODE_LENGTH / 2)
            code[j++] = '-';
        code[j++] = c;
        letters++;
    }
    code[j] = '\0';
    return letters == KIOSK_CODE_LENGTH;
}
