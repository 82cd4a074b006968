/* Syscall-site rewriting (preload/patch.c): a site in a file-backed executable mapping
 * that has trapped once is rewritten to jump to the shim's recording path, so later calls
 * from it cost no signal. See docs/rewriting.md. */
#ifndef LT_PATCH_H
#define LT_PATCH_H

#include "shim.h"

/* The native backend's SIGSYS handler calls this after it has handled (performed and
 * recorded) a trapped call nr whose context is uc: rewrites the site if it is one of the
 * known patterns and safe to rewrite; otherwise remembers it as not rewritable. */
void lt_patch_site(void *uc, unsigned nr) LT_HIDDEN;

#endif
