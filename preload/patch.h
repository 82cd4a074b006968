/* Syscall-site rewriting (preload/patch.c): a site in a file-backed executable mapping
 * that has trapped once is rewritten to jump to the shim's recording path, so later calls
 * from it cost no signal. See docs/rewriting.md. Also read by patch_entry.S. */
#ifndef LT_PATCH_H
#define LT_PATCH_H

/* The stack a call through a rewritten site is recorded on (patch_entry.S): never the
 * program's (a coroutine's 4 KiB, a goroutine's), never an alternate signal stack (the
 * shim's is SS_AUTODISARM, so the kernel would put a signal frame at its top while we use
 * it; the program's may be in use by its own handler). LT_PATCH_STACK bytes right below
 * each thread's state (struct lt_thread), above a guard page, allocated with it
 * (native_thread.c lt_state_new); the state's first word (entry_busy) says it is in use.
 * A call nested on it (a handler that interrupted one) needs LT_PATCH_ROOM bytes below:
 * the vector state (up to ~3 KiB) and the recorder's frames (~5 KiB); else it traps. The
 * size is the shim's alternate stack's: a program handler may run on either. */
#define LT_PATCH_STACK 0x20000
#define LT_PATCH_ROOM 0x4000

#ifndef __ASSEMBLER__
#include "shim.h"

/* The native backend's SIGSYS handler calls this after it has handled (performed and
 * recorded) a trapped call nr whose context is uc: rewrites the site if it is one of the
 * known patterns and safe to rewrite; otherwise remembers it as not rewritable. */
void lt_patch_site(void *uc, unsigned nr) LT_HIDDEN;
#endif

#endif
