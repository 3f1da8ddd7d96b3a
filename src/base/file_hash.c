/* file_hash.c — the SHA-256 of a file, remembered between runs.
 *
 * The cache is one text file of lines "DEV INO SIZE MTIME_NS SHA256 PATH".
 * A line is appended with one write(2) on an O_APPEND descriptor, so
 * several briefc processes may add to it at once; a stale or damaged line
 * is never trusted beyond its key (a changed file has another size or
 * mtime, so it misses and is hashed again). The file is started afresh when
 * it grows past CACHE_MAX_BYTES. Without a usable cache the file is hashed
 * every time: slower, never wrong. */
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_NAME "file-sha256.txt"
#define CACHE_MAX_BYTES (1u << 20)

static char *join(const char *dir, const char *name)
{
    char *out = xmalloc(strlen(dir) + strlen(name) + 2);
    sprintf(out, "%s/%s", dir, name);
    return out;
}

/* The cache file's path (heap), or NULL when there is to be none. */
static char *cache_path(void)
{
    const char *dir = getenv("BRIEFC_CACHE_DIR");
    if (dir && strcmp(dir, "off") == 0)
        return NULL;
    char *made = NULL;
    if (!dir || !*dir) {
        const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        if (xdg && *xdg == '/')
            made = join(xdg, "briefc");
        else if (home && *home == '/')
            made = join(home, ".cache/briefc");
        else
            return NULL;
        dir = made;
    }
    char *path = join(dir, CACHE_NAME);
    free(made);
    return path;
}

static void make_parent_dirs(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        mkdir(p, 0700); /* EEXIST and the like: the open below tells */
        *s = '/';
    }
    free(p);
}

static void key_of(const struct stat *st, char *buf, size_t size)
{
    snprintf(buf, size, "%ju %ju %jd %jd ", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino,
             (intmax_t)st->st_size,
             (intmax_t)st->st_mtim.tv_sec * 1000000000 + (intmax_t)st->st_mtim.tv_nsec);
}

static bool lookup(const char *cache, const char *key, uint8_t out[32])
{
    size_t len;
    char *text = base_read_file(cache, &len);
    if (!text)
        return false;
    bool found = false;
    size_t klen = strlen(key);
    for (char *line = text; line && *line && !found;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strncmp(line, key, klen) == 0 && strlen(line + klen) >= 64) {
            found = true;
            for (int i = 0; i < 32 && found; i++) {
                int hi = base_hex_digit(line[klen + 2 * i]),
                    lo = base_hex_digit(line[klen + 2 * i + 1]);
                found = hi >= 0 && lo >= 0;
                out[i] = (uint8_t)(hi << 4 | lo);
            }
        }
        line = next;
    }
    free(text);
    return found;
}

static void remember(const char *cache, const char *key, const uint8_t digest[32], const char *path)
{
    make_parent_dirs(cache);
    struct stat st;
    int flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC;
    if (stat(cache, &st) == 0 && st.st_size > (off_t)CACHE_MAX_BYTES)
        flags |= O_TRUNC;
    int fd = open(cache, flags, 0600);
    if (fd < 0)
        return;
    char hex[65];
    base_hex(digest, 32, hex);
    char *line = xmalloc(strlen(key) + 64 + strlen(path) + 3);
    int n = sprintf(line, "%s%s %s\n", key, hex, path);
    if (n > 0 && !strchr(path, '\n'))
        (void)!write(fd, line, (size_t)n);
    free(line);
    close(fd);
}

static bool hash_file(const char *path, uint8_t out[32])
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (ok && st.st_size == 0) {
        base_sha256("", 0, out);
    } else if (ok) {
        void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        ok = map != MAP_FAILED;
        if (ok) {
            base_sha256(map, (size_t)st.st_size, out);
            munmap(map, (size_t)st.st_size);
        }
    }
    close(fd);
    return ok;
}

bool base_file_sha256(const char *path, uint8_t out[32])
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    char key[128];
    key_of(&st, key, sizeof key);
    char *cache = cache_path();
    bool ok = cache && lookup(cache, key, out);
    if (!ok) {
        ok = hash_file(path, out);
        if (ok && cache)
            remember(cache, key, out, path);
    }
    free(cache);
    return ok;
}
