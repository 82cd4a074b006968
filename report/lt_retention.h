/* Log retention (report/retention.c): after a report, old runs in the log directory of
 * the runs it formatted are deleted by age and total size. */
#ifndef LT_RETENTION_H
#define LT_RETENTION_H

/* inputs: the report's LOG or DIR arguments; the runs among them are never deleted. */
void lt_retention_prune(char *const *inputs, int ninputs);

#endif
