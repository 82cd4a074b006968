#include <stdio.h>
int main(void) { fputs("libtrace-report: not yet\n", stderr); return 2; }
